namespace BotPlatform.Core.Localization;

/// <summary>One message in both languages; placeholders are string.Format style ({0}).</summary>
public sealed record Text(string Ru, string En)
{
    public string In(Lang lang, params object?[] args)
    {
        var template = lang == Lang.En ? En : Ru;
        return args.Length == 0 ? template : string.Format(lang.Culture(), template, args);
    }
}
