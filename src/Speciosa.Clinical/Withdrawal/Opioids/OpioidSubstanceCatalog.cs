using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Withdrawal.Opioids;

/// <summary>The opioid substance list with MME factors from <c>withdrawal/opioid-substances.json</c>,
/// tagged with the conversion table's version (e.g. "CDC 2022").</summary>
public sealed record OpioidSubstanceCatalog
{
    private static readonly Lazy<OpioidSubstanceCatalog> Embedded =
        new(() => Checked(KnowledgeFile.Read<OpioidSubstanceCatalog>("withdrawal/opioid-substances.json")));

    /// <summary>The conversion table these factors come from, recorded with every computed MME.</summary>
    public required string TableVersion { get; init; }

    public required string AsOf { get; init; }
    public required Source Source { get; init; }

    /// <summary>Cautions that apply to every MME figure.</summary>
    public IReadOnlyList<string> Cautions { get; init; } = [];

    public IReadOnlyList<OpioidSubstance> Substances { get; init; } = [];

    /// <summary>The embedded catalogue, loaded once.</summary>
    public static OpioidSubstanceCatalog Default => Embedded.Value;

    /// <summary>The substance with this id, or null when unknown.</summary>
    public OpioidSubstance? Find(string id) => Substances.FirstOrDefault(s => s.Id == id);

    private static OpioidSubstanceCatalog Checked(OpioidSubstanceCatalog catalog)
    {
        foreach (var s in catalog.Substances)
        {
            if ((s.MmeFactor is null) == string.IsNullOrWhiteSpace(s.NotComputableReason))
            {
                throw new InvalidOperationException($"Substance '{s.Id}' needs either an MME factor or a reason there is none.");
            }
        }

        if (catalog.Substances.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count() != catalog.Substances.Count)
        {
            throw new InvalidOperationException("A substance id is listed twice.");
        }

        return catalog;
    }
}
