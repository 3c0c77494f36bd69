namespace BotPlatform.Infrastructure.Documents.Pdf;

/// <summary>A4 in points with the margins the office prints with; the body sits between header and footer.</summary>
internal static class PageGeometry
{
    public const double Width = 595.28;
    public const double Height = 841.89;
    public const double MarginLeft = 56.69;   // 20 mm: room for a binder's holes
    public const double MarginRight = 42.52;  // 15 mm
    public const double MarginTop = 28.35;    // 10 mm
    public const double MarginBottom = 28.35;
    public const double ContentWidth = Width - MarginLeft - MarginRight;
}

/// <summary>Font sizes and spacing of the body, in points.</summary>
internal static class Typography
{
    public const double BodySize = 10;
    public const double TitleSize = 14;
    public const double HeadingSize = 11;
    public const double TableSize = 9;
    public const double HeaderSize = 8.5;
    public const double BarcodeTextSize = 7;
    public const double FooterSize = 8;

    public const double ParagraphSpace = 4;
    public const double ClauseSpace = 3;
    public const double HeadingSpace = 10;
    public const double TitleSpaceAfter = 8;
    public const double TableSpace = 6;
    public const double SignaturesSpace = 16;
    public const double ClauseIndentStep = 18;
    public const double ClauseLabelGap = 4;
}
