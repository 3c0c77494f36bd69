using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Documents.Templates;

public static class TemplateTexts
{
    public static readonly IReadOnlyDictionary<string, Text> Problems = new Dictionary<string, Text>
    {
        [TemplateProblems.Invalid] = new(
            "Ошибка в шаблоне, строка {0}: {1}\nНичего не сохранено — исправьте файл и пришлите его снова.",
            "Template error at line {0}: {1}\nNothing was saved: fix the file and send it again."),
        [TemplateProblems.NotFound] = new(
            "Шаблона «{0}» нет. Список шаблонов — /template.",
            "There is no template \"{0}\". See the list with /template."),
        [TemplateProblems.VersionNotFound] = new(
            "У шаблона «{0}» нет версии {1}.",
            "Template \"{0}\" has no version {1}."),
        [TemplateProblems.NotAllowed] = new(
            "Загружать новые версии шаблонов могут только администратор и юрист. Посмотреть шаблон: /template КОД preview.",
            "Only an admin or a lawyer may upload template versions. To look at one: /template CODE preview."),
        [TemplateProblems.Unchanged] = new(
            "Этот текст совпадает с текущей версией {0} — новая версия не создана.",
            "This text is the same as the current version {0}; no new version was made."),
        [TemplateProblems.Empty] = new(
            "Файл пустой — пришлите текст шаблона.",
            "The file is empty; send the template's text."),
        [TemplateProblems.WrongFileType] = new(
            "Нужен текстовый файл .md или .txt, а «{0}» — не он. Ничего не сохранено.",
            "Send a text file, .md or .txt; \"{0}\" is not one. Nothing was saved."),
        [TemplateProblems.TooLarge] = new(
            "Файл больше 20 МБ ({0:0.00} МБ) — шаблон не может быть таким большим. Ничего не сохранено.",
            "The file is over 20 MB ({0:0.00} MB); a template cannot be that large. Nothing was saved."),
        [TemplateProblems.FileRequired] = new(
            "Пришлите шаблон файлом (.md или .txt) или /cancel, чтобы выйти.",
            "Send the template as a file (.md or .txt), or /cancel to stop."),
    };

    public static readonly Text ListTitle = new("Шаблоны документов (код — название — текущая версия):", "Document templates (code, title, current version):");
    public static readonly Text ListLine = new("{0} — {1}, версия {2} от {3:dd.MM.yyyy}", "{0}: {1}, version {2} of {3:dd.MM.yyyy}");
    public static readonly Text ListEmpty = new("Шаблонов пока нет.", "There are no templates yet.");
    public static readonly Text ListHint = new(
        "Образец в PDF: /template КОД preview. Новая версия (администратор, юрист): /template КОД и затем файл.",
        "A sample PDF: /template CODE preview. A new version (admin, lawyer): /template CODE, then the file.");
    public static readonly Text SendNewVersion = new(
        "Шаблон «{0}» ({1}), сейчас версия {2}. Пришлите новую версию файлом .md или .txt (до 20 МБ) — текущий текст в файле ниже. Разметка описана в docs/templates.md. /cancel — выйти.",
        "Template \"{0}\" ({1}), now version {2}. Send the new version as a .md or .txt file (up to 20 MB); the current text is in the file below. The markup is described in docs/templates.md. /cancel to stop.");
    public static readonly Text Stored = new(
        "Сохранено: шаблон «{0}», версия {1}. Новые документы будут использовать её; уже созданные сохраняют свою версию.",
        "Saved: template \"{0}\", version {1}. New documents will use it; documents made earlier keep their version.");
    public static readonly Text PreviewCaption = new(
        "Образец: «{0}», версия {1}, с примерными данными.",
        "Sample: \"{0}\", version {1}, with sample data.");
    public static readonly Text Usage = new(
        "/template — список шаблонов; /template КОД preview [ВЕРСИЯ] — образец в PDF; /template КОД — загрузить новую версию.",
        "/template lists the templates; /template CODE preview [VERSION] sends a sample PDF; /template CODE uploads a new version.");
    public static readonly Text SampleNumber = new("ОБРАЗЕЦ", "SAMPLE");
    public static readonly Text PageFooter = new("Страница {0} из {1}", "Page {0} of {1}");
    public static readonly Text PrivateOnly = new(
        "Новую версию шаблона загружают в личном чате с ботом.",
        "Upload a template version in your private chat with the bot.");
}
