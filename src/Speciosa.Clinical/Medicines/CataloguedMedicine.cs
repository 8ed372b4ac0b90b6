namespace Speciosa.Clinical.Medicines;

/// <summary>A common medicine or substance in the class catalogue, under the name as commonly written.
/// <see cref="RxNorm"/> is the RxNorm ingredient code only where it was corroborated, otherwise null.</summary>
public sealed record CataloguedMedicine(
    string Name,
    string? RxNorm,
    IReadOnlyList<string> Classes,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string>? Aliases = null,
    string? Note = null)
{
    public bool IsCalled(string name) =>
        string.Equals(Name, name, StringComparison.OrdinalIgnoreCase)
        || (Aliases ?? []).Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
}
