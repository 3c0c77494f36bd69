using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Organisation;

namespace BotPlatform.Tests.Briefs;

/// <summary>The briefs section of the organisation file: checked at start-up, problems name their lines.</summary>
public sealed class BriefsYamlTests
{
    private const string Head = """
        organisation:
          name: Агентство
        people:
          - username: pm_kate
            name: Екатерина
            roles: [project_manager]
        projects:
          work_types:
            - code: internal
          templates:
            - code: site
              name: Сайт
              tasks:
                - code: a
                  title: Первая
                  estimate: 1
                  executor: pm
                  work_type: internal
        briefs:
        """;

    private static OrganisationDefinition Parse(string briefs) => OrganisationYamlLoader.Parse(Head + "\n" + briefs, "organisation.yaml");

    [Fact]
    public void A_brief_reads_with_its_project_templates_questions_and_client_fields()
    {
        var definition = Parse("""
              - code: site_brief
                title: Бриф на сайт
                for: [SITE]
                questions:
                  - code: contact
                    text: Контактное лицо?
                    text_en: Contact person?
                    field: contact_person
                  - code: extra
                    text: Что ещё?
                    required: no
            """);

        var brief = Assert.Single(definition.Briefs!.Templates);
        Assert.Same(brief, definition.Briefs.ForProjectTemplate("site"));
        Assert.Equal(["site"], brief.ProjectTemplates);
        Assert.Equal(["contact", "extra"], brief.Questions.Select(q => q.Code));
        Assert.Equal("contact_person", brief.Questions[0].Field);
        Assert.Equal("Contact person?", brief.Questions[0].TextEn);
        Assert.True(brief.Questions[0].Required);
        Assert.False(brief.Questions[1].Required);
    }

    [Fact]
    public void Unknown_templates_and_fields_a_field_filled_twice_and_a_template_served_twice_are_named_with_their_lines()
    {
        var error = Assert.Throws<OrganisationFileException>(() => Parse("""
              - code: one
                title: Первый
                for: [site, shop]
                questions:
                  - code: a
                    text: Телефон?
                    field: phone
                  - code: b
                    text: Ещё телефон?
                    field: phone
                  - code: c
                    text: Любимый цвет?
                    field: colour
              - code: two
                title: Второй
                for: [site]
                questions: []
            """));

        Assert.Equal(
            [
                (22, "unknown project template 'shop' in 'for' (brief 'one'; known: site)"),
                (29, "client field 'phone' is already filled by the question on line 26 (question 'b' of brief 'one')"),
                (32, "unknown client field 'colour' (question 'c' of brief 'one'; known: contact_person, phone, email, website, accounts, goals, audience, competitors, budget, notes)"),
                (33, "brief 'two' has no questions"),
                (35, "project template 'site' already gets brief 'one' (brief 'two')"),
            ],
            error.Errors.Select(e => (e.Line ?? 0, e.Problem)));
    }

    [Fact]
    public void A_brief_names_its_google_form_and_the_question_the_project_code_is_prefilled_in()
    {
        var definition = Parse("""
              - code: site_brief
                title: Бриф на сайт
                for: [site]
                form_id: 1aBcD-eF_9
                form_code_question: Код проекта
                questions:
                  - code: contact
                    text: Контактное лицо?
            """);

        var brief = Assert.Single(definition.Briefs!.Templates);
        Assert.Equal(new BotPlatform.Core.Briefs.BriefFormSettings("1aBcD-eF_9", "Код проекта"), brief.Form);
    }

    [Fact]
    public void A_form_without_its_code_question_and_a_malformed_form_id_are_named_with_their_lines()
    {
        var error = Assert.Throws<OrganisationFileException>(() => Parse("""
              - code: one
                title: Первый
                for: [site]
                form_id: 1aBcD
                questions:
                  - code: a
                    text: Телефон?
              - code: two
                title: Второй
                for: []
                form_id: https://docs.google.com/forms/d/1aBcD/edit
                form_code_question: Код
                questions:
                  - code: a
                    text: Телефон?
            """));

        Assert.Contains((23, "'form_code_question' must name the form's question the project's code is prefilled in (brief 'one')"), error.Errors.Select(e => (e.Line ?? 0, e.Problem)));
        Assert.Contains(error.Errors, e => e.Line == 30 && e.Problem.StartsWith("form_id 'https://docs.google.com/forms/d/1aBcD/edit' is not a Google Form id", StringComparison.Ordinal));
    }
}
