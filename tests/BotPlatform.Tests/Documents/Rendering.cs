using BotPlatform.Core.Documents;
using BotPlatform.Infrastructure.Documents.Pdf;
using Microsoft.Extensions.Time.Testing;

namespace BotPlatform.Tests.Documents;

/// <summary>The renderer under test with a fixed clock, and requests for the sample documents.</summary>
internal static class Rendering
{
    public const string Code = "BP-2026-000042";

    public static PdfDocumentRenderer Renderer { get; } = new(new FakeTimeProvider(new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero)));

    public static byte[] Render(DocumentBody body, string code = Code) => Renderer.Render(Request(body, code));

    public static RenderRequest Request(DocumentBody body, string code = Code) =>
        new(SampleBodies.Organisation, "Договор возмездного оказания услуг", "Д-2026-0042", code, body);
}
