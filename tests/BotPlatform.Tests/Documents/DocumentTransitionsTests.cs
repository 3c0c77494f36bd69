using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Registry;

namespace BotPlatform.Tests.Documents;

public sealed class DocumentTransitionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);

    private static Document Draft(string kind = DocumentsDefinition.FrameworkContract) => new()
    {
        Number = "Д-2026-0001", Kind = kind, Text = "# Договор\nТекст", TemplateText = "# Договор\nТекст", PdfKey = "pdf1", Pages = 1,
    };

    [Fact]
    public void A_draft_goes_through_approval_printing_sending_and_back_to_the_archive()
    {
        var doc = Draft();

        Assert.Null(doc.SubmitForApproval(10, 1, Now));
        Assert.Null(doc.ApprovalClosed(true, DocumentActions.Approved, 2, null, Now));
        Assert.Null(doc.MarkPrinted(Now));
        Assert.Null(doc.MarkSent(1, Now));
        Assert.Null(doc.MarkReturned(1, Now));
        Assert.Null(doc.Archive(1, Now));

        Assert.Equal(DocumentStatus.Archived, doc.Status);
        Assert.Equal([DocumentActions.Submitted, DocumentActions.Approved, DocumentActions.Printed, DocumentActions.Sent, DocumentActions.Returned,
            DocumentActions.Archived], doc.History.Select(h => h.Action));
    }

    [Fact]
    public void An_approved_document_refuses_an_edit_and_keeps_its_text()
    {
        var doc = Draft();
        doc.SkipApproval(1, Now);

        var problem = doc.Edit("# Другой текст", new DocumentBodyPdf("pdf2", 1), 1, Now);

        Assert.Equal(DocumentProblems.NotEditable, problem?.Code);
        Assert.Equal("# Договор\nТекст", doc.Text);
        Assert.Equal("pdf1", doc.PdfKey);
    }

    [Fact]
    public void An_edit_that_only_changes_line_endings_is_not_an_edit()
    {
        var doc = Draft();

        doc.Edit("# Договор  \r\nТекст\r\n", new DocumentBodyPdf("pdf2", 1), 1, Now);

        Assert.False(doc.TextEdited);
        Assert.Null(DocumentRelease.ApprovalKind(doc));
    }

    [Fact]
    public void An_edited_framework_contract_needs_the_lawyer_and_the_director()
    {
        var doc = Draft();

        doc.Edit("# Договор\nИной текст", new DocumentBodyPdf("pdf2", 1), 1, Now);

        Assert.True(doc.TextEdited);
        Assert.Equal(DocumentRelease.FrameworkEdit, DocumentRelease.ApprovalKind(doc));
    }

    [Theory]
    [InlineData(DocumentsDefinition.Specification, DocumentsDefinition.Specification)]
    [InlineData(DocumentsDefinition.SupplementaryAgreement, DocumentsDefinition.SupplementaryAgreement)]
    [InlineData(DocumentsDefinition.FrameworkContract, null)]
    [InlineData(DocumentsDefinition.Invoice, null)]
    [InlineData(DocumentsDefinition.TechnicalAssignment, null)]
    public void The_route_follows_the_kind_for_an_untouched_text(string kind, string? route) =>
        Assert.Equal(route, DocumentRelease.ApprovalKind(Draft(kind)));

    [Fact]
    public void Annulment_needs_a_reason_and_is_refused_for_an_archived_document()
    {
        var doc = Draft();

        Assert.Equal(DocumentProblems.AnnulReasonRequired, doc.Annul("  ", 1, Now)?.Code);
        doc.Status = DocumentStatus.Archived;
        Assert.Equal(DocumentProblems.Archived, doc.Annul("ошибка", 1, Now)?.Code);
        Assert.Equal(DocumentStatus.Archived, doc.Status);
    }

    [Fact]
    public void A_printed_document_can_be_annulled_with_its_reason_recorded()
    {
        var doc = Draft();
        doc.SkipApproval(1, Now);
        doc.MarkPrinted(Now);

        Assert.Null(doc.Annul("Неверные реквизиты", 1, Now));

        Assert.Equal(DocumentStatus.Annulled, doc.Status);
        Assert.Equal("Неверные реквизиты", doc.History[^1].Reason);
        Assert.Equal(DocumentProblems.AlreadyAnnulled, doc.Annul("ещё раз", 1, Now)?.Code);
    }

    [Fact]
    public void Illegal_moves_are_refused()
    {
        var doc = Draft();

        Assert.Equal(DocumentProblems.IllegalMove, doc.MarkSent(1, Now)?.Code);
        Assert.Equal(DocumentProblems.IllegalMove, doc.MarkPrinted(Now)?.Code);
        Assert.Equal(DocumentProblems.NotOnApproval, doc.ApprovalClosed(true, DocumentActions.Approved, 1, null, Now)?.Code);
        Assert.Equal(DocumentStatus.Draft, doc.Status);
        Assert.Empty(doc.History);
    }

    [Fact]
    public void A_rejected_document_is_a_draft_again_with_the_reason()
    {
        var doc = Draft(DocumentsDefinition.Specification);
        doc.SubmitForApproval(10, 1, Now);

        doc.ApprovalClosed(false, DocumentActions.Rejected, 2, "Цена не та", Now);

        Assert.Equal(DocumentStatus.Draft, doc.Status);
        Assert.Equal("Цена не та", doc.History[^1].Reason);
    }
}
