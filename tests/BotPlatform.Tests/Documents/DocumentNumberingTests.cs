using BotPlatform.Core.Approvals;

namespace BotPlatform.Tests.Documents;

public sealed class DocumentNumberingTests
{
    [Fact]
    public void A_contract_number_has_the_year_and_the_padded_sequence() =>
        Assert.Equal("Д-2026-0007", NumberFormat.Apply("Д-{yyyy}-{seq:0000}", 2026, 7));

    [Fact]
    public void An_appendix_is_numbered_within_its_contract() =>
        Assert.Equal("Д-2026-0007/П-2", NumberFormat.Apply("{contract}/П-{n}", 2026, 0, "Д-2026-0007", 2));

    [Fact]
    public void A_format_without_a_sequence_gets_it_appended_so_numbers_never_collide() =>
        Assert.Equal("СЧ-2026-3", NumberFormat.Apply("СЧ-{yyyy}-", 2026, 3));

    [Fact]
    public void An_appendix_format_with_a_sequence_uses_both() =>
        Assert.Equal("2026-5 к Д-1 (3)", NumberFormat.Apply("{yyyy}-{seq} к {contract} ({n})", 2026, 5, "Д-1", 3));
}
