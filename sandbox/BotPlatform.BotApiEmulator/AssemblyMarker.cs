namespace BotPlatform.Testing;
