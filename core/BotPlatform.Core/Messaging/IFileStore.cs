namespace BotPlatform.Core.Messaging;

/// <summary>Binary files the platform keeps: attachments, generated documents.</summary>
public interface IFileStore
{
    Task<string> SaveAsync(string fileName, Stream content, CancellationToken ct);
    Task<Stream?> OpenAsync(string key, CancellationToken ct);
}
