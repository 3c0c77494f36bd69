using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Organisation;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace BotPlatform.Tests.Approvals;

public sealed class FilingTests
{
    private const long Megabyte = 1024 * 1024;
    private static readonly Organisation Organisation = new(OrganisationYamlLoader.Load(TestFiles.Path("TestData/organisation.test.yaml")));
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void Counterparty_is_trimmed()
    {
        Assert.Equal("ООО Ромашка", Filing.Counterparty("  ООО Ромашка \n").Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Counterparty_must_not_be_empty(string? text)
    {
        Assert.Equal(new Problem(ApprovalProblems.CounterpartyEmpty), Filing.Counterparty(text).Problem);
    }

    [Fact]
    public void Counterparty_of_200_characters_is_accepted_and_of_201_refused()
    {
        var longest = Filing.Counterparty(new string('я', 200));
        var tooLong = Filing.Counterparty(new string('я', 201));

        Assert.True(longest.IsOk);
        Assert.Equal($"{FilingProblems.CounterpartyTooLong}(201, 200)", tooLong.Problem?.ToString());
    }

    [Fact]
    public void Amount_without_a_currency_is_in_the_organisations_currency()
    {
        Assert.Equal(new Money(150_000.50m, "RUB"), Filing.Amount("150 000,50", Organisation).Value);
    }

    [Fact]
    public void Due_date_is_read_against_the_organisations_local_today()
    {
        // 23:30 UTC on Monday is already Tuesday in Moscow: "today" is the 24th there.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 21, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 11, 24), Filing.DueDate("сегодня", Organisation, time).Value);
        Assert.Equal(new Problem(ApprovalProblems.DueDatePast), Filing.DueDate("23.11.2026", Organisation, time).Problem);
    }

    [Theory]
    [InlineData("31.02", ApprovalProblems.DueDateInvalid)]
    [InlineData("вчерашний", ApprovalProblems.DueDateInvalid)]
    [InlineData("20.11.2026", ApprovalProblems.DueDatePast)]
    [InlineData(" ", FilingProblems.DueDateEmpty)]
    public void Due_date_that_is_not_a_date_or_has_passed_is_refused(string text, string problem)
    {
        Assert.Equal(problem, Filing.DueDate(text, Today).Problem?.Code);
    }

    [Fact]
    public void Due_date_today_is_accepted()
    {
        Assert.Equal(Today, Filing.DueDate("сегодня", Today).Value);
    }

    [Fact]
    public void No_file_is_refused_as_a_file_is_required()
    {
        Assert.Equal(new Problem(ApprovalProblems.FileRequired), Filing.File(null, RequestKind.Payment).Problem);
    }

    [Fact]
    public void A_file_of_20_megabytes_is_accepted_and_a_larger_one_refused_with_its_size()
    {
        var largest = Filing.File(Document("invoice.pdf", "application/pdf", 20 * Megabyte), RequestKind.Payment);
        var tooLarge = Filing.File(Document("scan.pdf", "application/pdf", 30 * Megabyte + Megabyte / 2), RequestKind.Payment);

        Assert.True(largest.IsOk);
        Assert.Equal(new Problem(ApprovalProblems.FileTooLarge, 30.5m).ToString(), tooLarge.Problem?.ToString());
    }

    [Fact]
    public void A_photo_invoice_gets_a_name_and_keeps_its_telegram_id()
    {
        var file = Filing.File(new IncomingFile("photo-7", null, null, 1000, IsPhoto: true), RequestKind.Payment).Value!;

        Assert.Equal(("photo-7", Filing.PhotoFileName, true, FilePurpose.Invoice), (file.FileId, file.FileName, file.IsPhoto, file.Purpose));
    }

    [Theory]
    [InlineData("contract.pdf", "application/octet-stream")]
    [InlineData("CONTRACT.DOCX", null)]
    [InlineData("договор", "application/pdf")]
    [InlineData("contract", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    public void A_contract_is_a_pdf_or_docx_by_extension_or_mime_type(string name, string? mime)
    {
        var file = Filing.File(Document(name, mime, 1000), RequestKind.Contract);

        Assert.Equal(FilePurpose.Contract, file.Value?.Purpose);
    }

    [Theory]
    [InlineData("contract.txt", "text/plain")]
    [InlineData("contract.doc", "application/msword")]
    public void A_contract_of_another_type_is_refused(string name, string mime)
    {
        Assert.Equal(new Problem(ApprovalProblems.FileWrongType), Filing.File(Document(name, mime, 1000), RequestKind.Contract).Problem);
    }

    [Fact]
    public void A_contract_photo_is_refused()
    {
        var photo = new IncomingFile("photo-1", null, "image/jpeg", 1000, IsPhoto: true);

        Assert.Equal(new Problem(ApprovalProblems.FileWrongType), Filing.File(photo, RequestKind.Contract).Problem);
    }

    [Fact]
    public void Cost_item_and_document_kind_codes_must_exist()
    {
        Assert.Equal("Реклама", Filing.CostItem("ads", Organisation).Value?.Name);
        Assert.Equal(new Problem(ApprovalProblems.UnknownCostItem), Filing.CostItem("Реклама", Organisation).Problem);
        Assert.Equal("Спецификация", Filing.DocumentKind("specification", Organisation).Value?.Name);
        Assert.Equal(new Problem(ApprovalProblems.UnknownDocumentKind), Filing.DocumentKind("nda", Organisation).Problem);
    }

    [Fact]
    public void Comment_is_trimmed_text_of_at_most_1000_characters()
    {
        Assert.Equal("срочно", Filing.Comment(" срочно ").Value);
        Assert.Equal(new Problem(FilingProblems.CommentNotText), Filing.Comment(null).Problem);
        Assert.Equal(FilingProblems.CommentTooLong, Filing.Comment(new string('a', 1001)).Problem?.Code);
    }

    private static IncomingFile Document(string name, string? mime, long size) => new("document-1", name, mime, size, IsPhoto: false);
}
