namespace BotPlatform.Tests;
