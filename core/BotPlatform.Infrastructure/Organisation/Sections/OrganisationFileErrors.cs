using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Organisation.Yaml;

namespace BotPlatform.Infrastructure.Organisation.Sections;

/// <summary>Collects every semantic problem so that one run of the loader reports them all.</summary>
internal sealed class OrganisationFileErrors
{
    private readonly List<OrganisationFileError> _errors = [];

    public bool Any => _errors.Count > 0;

    public void Add(int? line, string problem) => _errors.Add(new OrganisationFileError(line, problem));

    public void Add(LocatedScalar value, string problem) => Add(value.Line, problem);

    public IReadOnlyList<OrganisationFileError> InFileOrder() => [.. _errors.OrderBy(e => e.Line ?? 0)];
}
