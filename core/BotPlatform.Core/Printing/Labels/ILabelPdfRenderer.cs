namespace BotPlatform.Core.Printing.Labels;

/// <summary>The address label as a one-page PDF of the label's size, for label printers behind CUPS.</summary>
public interface ILabelPdfRenderer
{
    byte[] Render(AddressLabel label, LabelSize size);
}
