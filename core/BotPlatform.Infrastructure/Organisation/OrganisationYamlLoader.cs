using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Organisation.Sections;
using BotPlatform.Infrastructure.Organisation.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;
using YamlDotNet.Serialization.NodeDeserializers;

namespace BotPlatform.Infrastructure.Organisation;

/// <summary>
/// Reads the organisation file (organisation, departments, people, approvals, routes, documents, projects). Every problem
/// comes out as an <see cref="OrganisationFileException"/> naming the file and the line. YAML syntax
/// errors and unknown keys stop at the first one; the checks of values and references report all
/// problems.
/// </summary>
public static class OrganisationYamlLoader
{
    // YamlDotNet's wording, rephrased when recognised; any other wording is shown as it is.
    private const string DuplicateKeyMessage = "Encountered duplicate key ";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .WithTypeInspector(inner => new StrictTypeInspector(inner))
        .WithNodeDeserializer(new LocatedScalarNodeDeserializer(), s => s.OnTop())
        .WithNodeDeserializer(new LocatedListNodeDeserializer(), s => s.OnTop())
        .WithNodeDeserializer(new LocatedMapNodeDeserializer(), s => s.OnTop())
        .WithNodeDeserializer(new LocatedMappingGuard(), s => s.OnTop())
        .WithNodeDeserializer(inner => new LocatedObjectNodeDeserializer(inner), s => s.InsteadOf<ObjectNodeDeserializer>())
        .Build();

    public static OrganisationDefinition Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string yaml;
        try
        {
            yaml = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OrganisationFileException(path, line: null, $"cannot read the file: {ex.Message}", ex);
        }

        return Parse(yaml, path);
    }

    /// <param name="sourceName">How messages name the file, usually its path.</param>
    public static OrganisationDefinition Parse(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);

        var file = Deserialize(yaml, sourceName);
        var errors = new OrganisationFileErrors();
        var settings = OrganisationSection.Read(file.Organisation, file.Line, errors);
        var people = PeopleSection.Read(file.People, errors);
        var departments = DepartmentsSection.Read(file.Departments, people, errors);
        var resolvedPeople = PeopleSection.ResolveDepartments(people, departments, errors);
        var approvals = ApprovalsSection.Read(file.Approvals, errors);
        if (file.Routes is { } routes)
        {
            approvals = approvals with { Routes = RoutesSection.Read(routes, new RouteReferences(people, departments, approvals), errors) };
        }

        var documents = DocumentsSection.Read(file.Documents, errors);
        var projects = ProjectsSection.Read(file.Projects, people, errors);
        var briefs = BriefsSection.Read(file.Briefs, projects, errors);
        var billing = BillingSection.Read(file.Billing, projects, settings.Currency, errors);
        var ledger = LedgerSection.Read(file.Ledger, approvals, errors);
        var nudges = PaymentNudgesSection.Read(file.PaymentNudges, projects, errors);

        if (errors.Any)
        {
            throw new OrganisationFileException(sourceName, errors.InFileOrder());
        }

        return new OrganisationDefinition(
            settings.Name,
            settings.TimeZoneId,
            settings.DayStart,
            settings.DayEnd,
            settings.WorkingDays,
            settings.Holidays,
            settings.ExtraWorkingDays,
            settings.Language,
            settings.Currency,
            departments,
            resolvedPeople,
            approvals,
            documents,
            projects,
            briefs,
            billing,
            ledger)
        {
            CalendarChanges = settings.CalendarChanges,
            PaymentNudges = nudges,
        };
    }

    private static OrganisationFileDto Deserialize(string yaml, string sourceName)
    {
        try
        {
            return Deserializer.Deserialize<OrganisationFileDto?>(yaml)
                ?? throw new OrganisationFileException(sourceName, line: 1, "the file is empty");
        }
        catch (YamlException ex)
        {
            var problem = ex switch
            {
                SyntaxErrorException or SemanticErrorException => $"invalid YAML: {ex.Message}",
                _ when ex.Message.StartsWith(DuplicateKeyMessage, StringComparison.Ordinal) =>
                    $"key '{ex.Message[DuplicateKeyMessage.Length..]}' appears twice in the same mapping",
                { InnerException: { } inner } => inner.Message,
                _ => ex.Message,
            };
            int? line = ex.Start.Line > 0 ? checked((int)ex.Start.Line) : null;
            throw new OrganisationFileException(sourceName, line, problem, ex);
        }
    }
}
