using System.Globalization;
using Fluid;
using Fluid.Values;

namespace BotPlatform.Core.Documents.Templates.Liquid;

/// <summary>Filters of our own, beside Liquid's standard ones (docs/templates.md lists them).</summary>
internal static class TemplateFilters
{
    private static readonly NumberFormatInfo Amounts = AmountFormat();

    public static void Register(FilterCollection filters)
    {
        filters.AddFilter("money", Money);
        filters.AddFilter("upcase_first", UpcaseFirst);
        filters.AddFilter("downcase_first", DowncaseFirst);
    }

    /// <summary>"120 000,00": groups of three with no-break spaces, two decimals, a comma (as every amount in the model).</summary>
    public static string FormatAmount(decimal amount) => amount.ToString("N2", Amounts);

    /// <summary>{{ line.price_value | money }} -> "3 500,00".</summary>
    private static ValueTask<FluidValue> Money(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        new(new StringValue(FormatAmount(input.ToNumberValue())));

    /// <summary>{{ client.signatory_position | upcase_first }} -> "Генеральный директор".</summary>
    private static ValueTask<FluidValue> UpcaseFirst(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var text = input.ToStringValue();
        return new(new StringValue(text.Length == 0 ? text : char.ToUpper(text[0], context.CultureInfo) + text[1..]));
    }

    /// <summary>{{ client.signatory_position | downcase_first }} -> "генерального директора" style phrases in a sentence.</summary>
    private static ValueTask<FluidValue> DowncaseFirst(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var text = input.ToStringValue();
        return new(new StringValue(text.Length == 0 ? text : char.ToLower(text[0], context.CultureInfo) + text[1..]));
    }

    private static NumberFormatInfo AmountFormat()
    {
        var numbers = (NumberFormatInfo)NumberFormatInfo.InvariantInfo.Clone();
        numbers.NumberGroupSeparator = "\u00A0";
        numbers.NumberDecimalSeparator = ",";
        numbers.NumberGroupSizes = [3];
        return NumberFormatInfo.ReadOnly(numbers);
    }
}
