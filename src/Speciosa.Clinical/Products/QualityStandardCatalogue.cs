using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Products;

/// <summary>The quality standards shipped as knowledge data under <c>knowledge/products/standards/</c>.
/// A clinic picks which apply.</summary>
public static class QualityStandardCatalogue
{
    private const string Folder = "products/standards/";

    private static readonly Lazy<IReadOnlyList<QualityStandard>> Embedded = new(Load);

    public static IReadOnlyList<QualityStandard> All => Embedded.Value;

    public static QualityStandard Get(string id) =>
        All.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal))
        ?? throw new ArgumentException($"Unknown quality standard '{id}'.", nameof(id));

    /// <summary>The label-claim standard with the clinic's tolerance: the reference publishes none.</summary>
    public static QualityStandard LabelClaim(decimal tolerancePercent) =>
        Get("label-claim").WithLabelTolerance(tolerancePercent);

    private static List<QualityStandard> Load() =>
        KnowledgeFile.Names()
            .Where(n => n.StartsWith(Folder, StringComparison.Ordinal))
            .Select(KnowledgeFile.Read<QualityStandard>)
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
}
