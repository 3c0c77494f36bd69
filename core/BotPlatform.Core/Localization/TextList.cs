namespace BotPlatform.Core.Localization;

/// <summary>
/// A list of localised names used as an argument of a <see cref="Text"/>: formatted with the culture of
/// the language the message is shown in, it joins the names in that language.
/// </summary>
public sealed record TextList(IReadOnlyList<Text> Items) : IFormattable
{
    public string In(Lang lang) => string.Join(", ", Items.Select(item => item.In(lang)));

    public string ToString(string? format, IFormatProvider? formatProvider) =>
        In(formatProvider is System.Globalization.CultureInfo { TwoLetterISOLanguageName: "en" } ? Lang.En : Lang.Ru);

    public override string ToString() => In(Lang.Ru);
}
