using System.Globalization;
using BotPlatform.Core.Documents;

namespace BotPlatform.Tests.Documents;

/// <summary>
/// Document bodies as the markup parser would hand them over: a services contract and an invoice in
/// Russian. Shared with the render benchmark (linked into bench/BotPlatform.Bench).
/// </summary>
public static class SampleBodies
{
    public const string Organisation = "ООО «Северный Ветер Диджитал»";
    public const string Client = "АО «Уральская Металлообрабатывающая Компания»";

    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    private static readonly string[] Sections =
    [
        "ПРЕДМЕТ ДОГОВОРА",
        "ПРАВА И ОБЯЗАННОСТИ СТОРОН",
        "СТОИМОСТЬ УСЛУГ И ПОРЯДОК РАСЧЁТОВ",
        "ПОРЯДОК СДАЧИ И ПРИЁМКИ УСЛУГ",
        "ОТВЕТСТВЕННОСТЬ СТОРОН",
        "КОНФИДЕНЦИАЛЬНОСТЬ",
        "ОБСТОЯТЕЛЬСТВА НЕПРЕОДОЛИМОЙ СИЛЫ",
        "ПОРЯДОК РАЗРЕШЕНИЯ СПОРОВ",
        "СРОК ДЕЙСТВИЯ ДОГОВОРА",
        "ЗАКЛЮЧИТЕЛЬНЫЕ ПОЛОЖЕНИЯ",
    ];

    private static readonly string[] Clauses =
    [
        "Исполнитель обязуется по заданию Заказчика оказать услуги по разработке и сопровождению программного обеспечения, а Заказчик обязуется принять и оплатить оказанные услуги в порядке и на условиях, предусмотренных настоящим Договором.",
        "Перечень, объём, сроки и стоимость услуг согласовываются Сторонами в Спецификациях, которые после подписания становятся неотъемлемой частью настоящего Договора.",
        "Заказчик перечисляет аванс в размере 50 % (пятидесяти процентов) от стоимости услуг по Спецификации в течение 5 (пяти) рабочих дней с даты выставления счёта Исполнителем.",
        "В случае нарушения сроков оплаты Исполнитель вправе потребовать уплаты неустойки в размере 0,1 % от суммы задолженности за каждый день просрочки, но не более 10 % от суммы задолженности.",
        "Стороны обязуются сохранять в тайне сведения, ставшие им известными в ходе исполнения настоящего Договора, и не раскрывать их третьим лицам без предварительного письменного согласия другой Стороны.",
    ];

    /// <summary>A framework services contract with <paramref name="sections"/> sections of clauses and the parties' requisites.</summary>
    public static DocumentBody Contract(int sections = 10)
    {
        var blocks = new List<Block>
        {
            new TitleBlock([new Run("ДОГОВОР ВОЗМЕЗДНОГО ОКАЗАНИЯ УСЛУГ № Д-2026-0042")]),
            new ParagraphBlock([new Run("г. Екатеринбург"), new Run("\u00A0\u00A0\u00A0\u00A0«12» марта 2026 г.")], Align.Right),
            new ParagraphBlock(
            [
                new Run(Client, Bold: true),
                new Run(", именуемое в дальнейшем "),
                new Run("«Заказчик»", Bold: true),
                new Run(", в лице генерального директора Кузнецова Андрея Викторовича, действующего на основании Устава, с одной стороны, и "),
                new Run(Organisation, Bold: true),
                new Run(", именуемое в дальнейшем "),
                new Run("«Исполнитель»", Bold: true),
                new Run(", в лице директора Морозовой Елены Сергеевны, действующей на основании Устава, с другой стороны, "),
                new Run("совместно именуемые «Стороны»", Italic: true),
                new Run(", заключили настоящий Договор о нижеследующем:"),
            ]),
        };
        for (var s = 0; s < sections; s++)
        {
            var number = (s + 1).ToString(Russian);
            blocks.Add(new HeadingBlock(number + ".", [new Run(Sections[s % Sections.Length])]));
            for (var c = 0; c < 4; c++)
            {
                blocks.Add(new ClauseBlock($"{number}.{c + 1}.", 1, [new Run(Clauses[(s + c) % Clauses.Length])]));
            }

            blocks.Add(new ClauseBlock($"{number}.5.1.", 2, [new Run("Сторона, "), new Run("нарушившая", Italic: true), new Run(" обязательство, возмещает другой Стороне причинённые убытки в полном объёме.")]));
        }

        blocks.Add(new HeadingBlock((sections + 1).ToString(Russian) + ".", [new Run("АДРЕСА, РЕКВИЗИТЫ И ПОДПИСИ СТОРОН")]));
        blocks.Add(Signatures());
        return new DocumentBody(blocks);
    }

    /// <summary>An invoice with <paramref name="lines"/> line items, the total and the sum in words.</summary>
    public static DocumentBody Invoice(int lines)
    {
        var rows = Enumerable.Range(1, lines).Select(i => (IReadOnlyList<IReadOnlyList<Run>>)
        [
            [new Run(i.ToString(Russian))],
            [new Run(Services[i % Services.Length] + $", этап {i}")],
            [new Run((i % 3 + 1).ToString(Russian))],
            [new Run("усл.")],
            [new Run(Money(10_000m + i * 150))],
            [new Run(Money((10_000m + i * 150) * (i % 3 + 1)))],
        ]).ToList();
        var total = Enumerable.Range(1, lines).Sum(i => (10_000m + i * 150) * (i % 3 + 1));
        return new DocumentBody(
        [
            new TitleBlock([new Run("СЧЁТ НА ОПЛАТУ № С-2026-0117 от 12 марта 2026 г.")]),
            new ParagraphBlock([new Run("Поставщик: ", Bold: true), new Run(Organisation + ", ИНН 6658123456, КПП 665801001, 620014, г. Екатеринбург, ул. Малышева, д. 51, офис 1204")], Align.Left),
            new ParagraphBlock([new Run("Покупатель: ", Bold: true), new Run(Client + ", ИНН 6671098765, КПП 667101001, 620026, г. Екатеринбург, ул. Куйбышева, д. 44")], Align.Left),
            new ParagraphBlock([new Run("Основание: ", Bold: true), new Run("Договор возмездного оказания услуг № Д-2026-0042 от 12.03.2026", Italic: true)], Align.Left),
            new TableBlock(
                [new TableColumn(1, Align.Right), new TableColumn(10, Align.Left), new TableColumn(2, Align.Right), new TableColumn(2, Align.Center), new TableColumn(3, Align.Right), new TableColumn(3, Align.Right)],
                [[new Run("№")], [new Run("Наименование услуги")], [new Run("Кол-во")], [new Run("Ед.")], [new Run("Цена, руб.")], [new Run("Сумма, руб.")]],
                rows),
            new ParagraphBlock([new Run("Итого: ", Bold: true), new Run(Money(total))], Align.Right),
            new ParagraphBlock([new Run("В том числе НДС (20 %): ", Bold: true), new Run(Money(total / 6m))], Align.Right),
            new ParagraphBlock([new Run($"Всего наименований {lines}, на сумму {Money(total)} руб.")], Align.Left),
            new ParagraphBlock([new Run("Счёт действителен к оплате в течение пяти банковских дней.", Bold: true, Italic: true)], Align.Left),
            new SignaturesBlock(
                [[new Run("Руководитель", Bold: true)], [new Run("____________________ / Морозова Е. С. /")]],
                [[new Run("Главный бухгалтер", Bold: true)], [new Run("____________________ / Лебедева О. П. /")]]),
        ]);
    }

    public static SignaturesBlock Signatures() => new(
        [
            [new Run("Заказчик:", Bold: true)],
            [new Run(Client)],
            [new Run("ИНН 6671098765 / КПП 667101001")],
            [new Run("620026, г. Екатеринбург, ул. Куйбышева, д. 44")],
            [new Run("р/с 40702810916540012345 в Уральском банке ПАО Сбербанк, БИК 046577674")],
            [],
            [new Run("Генеральный директор")],
            [new Run("____________________ / Кузнецов А. В. /")],
        ],
        [
            [new Run("Исполнитель:", Bold: true)],
            [new Run(Organisation)],
            [new Run("ИНН 6658123456 / КПП 665801001")],
            [new Run("620014, г. Екатеринбург, ул. Малышева, д. 51, офис 1204")],
            [new Run("р/с 40702810238000098765 в ПАО Сбербанк, БИК 044525225")],
            [],
            [new Run("Директор")],
            [new Run("____________________ / Морозова Е. С. /")],
        ]);

    private static readonly string[] Services =
    [
        "Разработка модуля интеграции с 1С:Предприятие",
        "Техническая поддержка информационной системы",
        "Аудит безопасности веб-приложения",
        "Настройка серверов и резервного копирования",
        "Доработка мобильного приложения для торговых представителей",
    ];

    private static string Money(decimal amount) => amount.ToString("N2", Russian);
}
