namespace BotPlatform.Infrastructure;
