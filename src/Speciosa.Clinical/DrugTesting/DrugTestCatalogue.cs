using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.DrugTesting;

/// <summary>What explains a positive result: a medicine name on the list or a drug class id the medicine core recognised.</summary>
public sealed record ExplainedBy(IReadOnlyList<string>? Medicines = null, IReadOnlyList<string>? Classes = null);

/// <summary>An analyte a urine drug test result may name, with the methods allowed for it and how it is interpreted.</summary>
public sealed record Analyte
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Methods { get; init; } = [];
    public ExplainedBy ExplainedBy { get; init; } = new();

    /// <summary>A kratom regimen explains a positive (mitragynine, 7-OH).</summary>
    public bool ExplainedByKratomRegimen { get; init; }

    /// <summary>A negative while the medicine is prescribed (or the regimen runs) is unexpected (EDDP with methadone).</summary>
    public bool UnexpectedNegativeMatters { get; init; }

    /// <summary>An unexpected positive raises an alert (fentanyl).</summary>
    public bool AlertWhenUnexpected { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];
    public IReadOnlyList<string> Sources { get; init; } = [];
}

/// <summary>The analytes of <c>knowledge/drugtesting/analytes.json</c> with their sources.</summary>
public sealed record DrugTestCatalogue
{
    public const string Immunoassay = "immunoassay";
    public const string Confirmation = "confirmation";

    private static readonly Lazy<DrugTestCatalogue> Embedded = new(() => Checked(KnowledgeFile.Read<DrugTestCatalogue>("drugtesting/analytes.json")));

    public required int Version { get; init; }
    public required string AsOf { get; init; }
    public IReadOnlyList<Source> Sources { get; init; } = [];
    public IReadOnlyList<Analyte> Analytes { get; init; } = [];

    public static DrugTestCatalogue Default => Embedded.Value;

    public Analyte? Find(string? id) => Analytes.FirstOrDefault(a => string.Equals(a.Id, id, StringComparison.OrdinalIgnoreCase));

    public Source Source(string id) => Sources.First(s => s.Id == id);

    private static DrugTestCatalogue Checked(DrugTestCatalogue catalogue)
    {
        foreach (var a in catalogue.Analytes)
        {
            if (a.Methods.Count == 0 || a.Methods.Any(m => m is not (Immunoassay or Confirmation))
                || a.Sources.Any(id => catalogue.Sources.All(s => s.Id != id)))
            {
                throw new InvalidOperationException($"Analyte '{a.Id}' has a bad method or source.");
            }
        }

        return catalogue;
    }
}
