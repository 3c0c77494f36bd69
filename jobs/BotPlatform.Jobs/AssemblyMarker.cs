namespace BotPlatform.Jobs;
