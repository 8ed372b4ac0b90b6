namespace Speciosa.Clinical.Products;

/// <summary>One thing a certificate of analysis can report, with the units it may be reported in.</summary>
public sealed record Analyte(
    string Id,
    string Name,
    AnalyteClass Class,
    IReadOnlyList<string> Units,
    IReadOnlyList<string>? Aliases = null,
    string? Note = null)
{
    public bool Answers(string idOrAlias) =>
        string.Equals(Id, idOrAlias.Trim(), StringComparison.OrdinalIgnoreCase)
        || (Aliases?.Any(a => string.Equals(a, idOrAlias.Trim(), StringComparison.OrdinalIgnoreCase)) ?? false);
}
