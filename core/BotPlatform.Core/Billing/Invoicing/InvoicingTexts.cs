using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Billing;

public static class InvoicingProblems
{
    public const string NotAllowed = "invoicing.not_allowed";
    public const string Usage = "invoicing.usage";
    public const string UnknownInvoice = "invoicing.unknown_invoice";
    public const string Annulled = "invoicing.annulled";
    public const string Date = "invoicing.date";
    public const string FutureDate = "invoicing.future_date";
    public const string Positive = "invoicing.positive";
    public const string Currency = "invoicing.currency";
    public const string Overpayment = "invoicing.overpayment";
    public const string AlreadyPaid = "invoicing.already_paid";
    public const string Failed = "invoicing.failed";

    public static readonly IReadOnlyDictionary<string, Text> Texts = new Dictionary<string, Text>
    {
        [NotAllowed] = new("Оплаты счетов отмечают главный бухгалтер и бухгалтер.", "Invoice payments are recorded by the chief accountant and accountants."),
        [Usage] = new("Оплата счёта: /paid НОМЕР_СЧЁТА [ДАТА] [СУММА] — например /paid СЧ-2026-0001, /paid СЧ-2026-0001 05.12.2026 10 000. Без суммы — оплачен весь остаток, без даты — сегодня.",
            "Invoice payment: /paid INVOICE [DATE] [AMOUNT], e.g. /paid СЧ-2026-0001 or /paid СЧ-2026-0001 05.12.2026 10 000. No amount: the whole balance; no date: today."),
        [UnknownInvoice] = new("Счёт «{0}» не найден в реестре.", "Invoice \"{0}\" is not in the registry."),
        [Annulled] = new("Счёт {0} аннулирован — оплату по нему не записать.", "Invoice {0} is annulled: no payment can be recorded against it."),
        [Date] = new("Дата «{0}» не понята. Пишите 05.12.2026, 05.12 или «сегодня».", "Date \"{0}\" is not understood. Write 05.12.2026, 05.12 or \"today\"."),
        [FutureDate] = new("Дата оплаты {0:dd.MM.yyyy} ещё не наступила.", "Payment date {0:dd.MM.yyyy} is in the future."),
        [Positive] = new("Сумма оплаты должна быть больше нуля.", "The payment must be more than zero."),
        [Currency] = new("Счёт выставлен в {0}, а оплата — в {1}.", "The invoice is in {0}, the payment in {1}."),
        [Overpayment] = new("Оплата {0} больше остатка по счёту {1}: {2}. Ничего не записано.", "Payment {0} is more than the balance of invoice {1}: {2}. Nothing was recorded."),
        [AlreadyPaid] = new("Счёт {0} уже оплачен полностью.", "Invoice {0} is already paid in full."),
        [Failed] = new("Счёт по отчёту не выставлен: {0}", "The report was not invoiced: {0}"),
    };
}

public static class InvoicingTexts
{
    public static readonly Text InvoicedToPm = new("🧾 Отчёт {0} согласован: создана сделка {1}, счёт {2} на {3} и акт {4}. Документы — ниже.",
        "🧾 Report {0} is approved: deal {1}, invoice {2} for {3} and act {4} are made. The documents follow.");
    public static readonly Text NotInvoicedToPm = new("⚠️ Отчёт {0} согласован, но счёт не выставлен: {1}.",
        "⚠️ Report {0} is approved but not invoiced: {1}.");
    public static readonly Text RetryLater = new("Исправьте это — в начале следующего рабочего дня я попробую выставить счёт снова.",
        "Please fix it: I will try to invoice again at the start of the next working day.");
    public static readonly Text PaymentRecorded = new("💰 Оплата по счёту {0} записана: {1} от {2:dd.MM.yyyy}. Оплачено {3} из {4}, остаток {5}.",
        "💰 Payment against invoice {0} recorded: {1} on {2:dd.MM.yyyy}. Paid {3} of {4}, {5} outstanding.");
    public static readonly Text PaidInFull = new("✅ Счёт {0} оплачен полностью ({1}).", "✅ Invoice {0} is paid in full ({1}).");
    public static readonly Text ReportPaidLine = new("Отчёт {0} оплачен, его задачи ({1}) отмечены оплаченными.", "Report {0} is paid; its tasks ({1}) are marked paid.");
    public static readonly Text PartialToPm = new("💰 По счёту {0} (отчёт {1}) поступила оплата {2}. Остаток {3}.", "💰 Invoice {0} (report {1}) received {2}. {3} outstanding.");
    public static readonly Text PaidToPm = new("✅ Отчёт {0} оплачен: счёт {1} закрыт ({2}). Задачи отчёта отмечены оплаченными.",
        "✅ Report {0} is paid: invoice {1} is settled ({2}). The report's tasks are marked paid.");
    public static readonly Text PaidToOffice = new("📬 Счёт {0} по отчёту {1} ({2}) оплачен. Подготовьте, пожалуйста, оригиналы акта {3} для клиента.",
        "📬 Invoice {0} for report {1} ({2}) is paid. Please prepare the originals of act {3} for the client.");
    public static readonly Text Withdrawn = new("🗑 Этот отчёт отозван — согласовывать его не нужно. Если появятся вопросы, напишите нам здесь.",
        "🗑 This report has been withdrawn: there is no need to approve it. If you have any questions, write to us here.");
    public static readonly Text WorkLine = new("{0}: работы по отчёту {1}", "{0}: work under report {1}");
    public static readonly Text HoursUnit = new("ч", "h");
}
