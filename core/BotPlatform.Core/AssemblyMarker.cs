namespace BotPlatform.Core;
