namespace BotPlatform.Core.People;

/// <param name="Line">1-based line in the file; null when the problem concerns the whole file.</param>
public sealed record OrganisationFileError(int? Line, string Problem);

/// <summary>
/// The organisation file cannot be used. The message has one line per problem, each naming the file
/// and the line: "organisation.yaml, line 14: unknown role 'acountant' (known: admin, ...)".
/// Defined in Core so the host can report it without referencing the YAML library.
/// </summary>
public sealed class OrganisationFileException : Exception
{
    public OrganisationFileException(string sourceName, IReadOnlyList<OrganisationFileError> errors, Exception? innerException = null)
        : base(Format(sourceName, errors), innerException)
    {
        SourceName = sourceName;
        Errors = errors;
    }

    public OrganisationFileException(string sourceName, int? line, string problem, Exception? innerException = null)
        : this(sourceName, [new OrganisationFileError(line, problem)], innerException)
    {
    }

    public string SourceName { get; }

    public IReadOnlyList<OrganisationFileError> Errors { get; }

    private static string Format(string sourceName, IReadOnlyList<OrganisationFileError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("At least one error is required.", nameof(errors));
        }

        return string.Join(
            Environment.NewLine,
            errors.Select(e => e.Line is { } line ? $"{sourceName}, line {line}: {e.Problem}" : $"{sourceName}: {e.Problem}"));
    }
}
