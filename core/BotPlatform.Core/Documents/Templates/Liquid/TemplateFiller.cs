using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents.Templates.Markup;
using Fluid;
using Fluid.Values;

namespace BotPlatform.Core.Documents.Templates.Liquid;

/// <summary>
/// Fills a template: Liquid (Fluid) over the whole text with the <see cref="TemplateModel"/>, then the
/// markup parser. Liquid sees snake_case members; it cannot read files (no include/render sources), and a
/// runaway loop stops after <see cref="MaxSteps"/> steps. A misspelt variable or filter is an error rather
/// than an empty place in a contract. Values are escaped for the markup, so a client named "Звезда*"
/// does not start italics.
/// </summary>
public sealed partial class TemplateFiller
{
    public const int MaxSteps = 1_000_000;

    private static readonly FluidParser Parser = new();
    private static readonly Type[] ModelTypes =
    [
        typeof(TemplateModel), typeof(PartyModel), typeof(DocumentInfo), typeof(DealInfo), typeof(ContractInfo), typeof(LineModel),
        typeof(TotalsModel), typeof(EnclosureModel), typeof(ReportTaskModel), typeof(ReportInfo),
    ];

    private static readonly HashSet<string> ModelMembers = KnownMembers();
    private readonly TemplateOptions _options;

    public TemplateFiller()
    {
        _options = new TemplateOptions
        {
            MemberAccessStrategy = new DefaultMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase },
            FileProvider = new Microsoft.Extensions.FileProviders.NullFileProvider(),
            CultureInfo = CultureInfo.GetCultureInfo("ru-RU"),
            StrictFilters = true,
            MaxSteps = MaxSteps,
            MaxRecursion = 20,
        };
        foreach (var type in ModelTypes) _options.MemberAccessStrategy.Register(type);
        // A null member (no КПП, no contract) is simply empty; a name the model does not have is a mistake.
        _options.Undefined = name => ModelMembers.Contains(name)
            ? ValueTask.FromResult<FluidValue>(NilValue.Instance)
            : throw new FluidException($"Undefined variable '{name}'");
        _options.ValueConverters.Add(value => value is string s ? new StringValue(EscapeForMarkup(s)) : null);
        TemplateFilters.Register(_options.Filters);
    }

    public Result<FilledTemplate> Fill(string template, TemplateModel model)
    {
        var templateLines = template.Count(c => c == '\n') + 1;
        if (!Parser.TryParse(LineMarkers.Insert(template), out var parsed, out var error))
            return Invalid(ParseErrorLine(error), ParseErrorMessage(error));
        var context = new TemplateContext(model, _options);
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        try
        {
            // Nothing in the model or the filters awaits I/O: the render completes synchronously.
            parsed.RenderAsync(output, NullEncoder.Default, context).AsTask().GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is FluidException or InvalidOperationException or ArgumentException or FormatException
                                       or ArithmeticException or FileNotFoundException or NotSupportedException)
        {
            return Invalid(LineMarkers.LineOfFailure(output.ToString()), ex.Message);
        }
        var (text, lines) = LineMarkers.Strip(output.ToString(), templateLines);
        var body = MarkupParser.Parse(lines);
        return body.IsOk ? Result<FilledTemplate>.Ok(new FilledTemplate(text, body.Value!)) : Result<FilledTemplate>.Fail(body.Problem!);
    }

    /// <summary>"*", "|" and "\" in a value are printed as they are, not read as markup; a line break becomes a space.</summary>
    internal static string EscapeForMarkup(string value)
    {
        if (value.AsSpan().IndexOfAny("*|\\\r\n") < 0) return value;
        return value.Replace("\\", "\\\\").Replace("*", "\\*").Replace("|", "\\|").Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');
    }

    private static Result<FilledTemplate> Invalid(int line, string message) =>
        Result<FilledTemplate>.Fail(TemplateProblems.Invalid, line, "Liquid: " + message);

    // Fluid reports "Unknown tag 'endfor' at (3:11)\nSource:\n...".
    [GeneratedRegex(@"at \((\d+):(\d+)\)")]
    private static partial Regex Position();

    private static int ParseErrorLine(string error) =>
        Position().Match(error) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 1;

    private static string ParseErrorMessage(string error)
    {
        var firstLine = error.Split('\n')[0].Trim();
        return Position().Replace(firstLine, "").Trim();
    }

    private static HashSet<string> KnownMembers() => ModelTypes
        .SelectMany(t => t.GetProperties())
        .Select(p => MemberNameStrategies.SnakeCase(p))
        .ToHashSet(StringComparer.Ordinal);
}
