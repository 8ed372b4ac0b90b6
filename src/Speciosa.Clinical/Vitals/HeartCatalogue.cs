using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Vitals;

public sealed record CorrectionFormula(string Id, string Name);

public sealed record PromptMedicine(string Name, string Note, string Source);

public sealed record QtcRange(int Min, int Max);

/// <summary>ECG knowledge from <c>knowledge/vitals/heart.json</c>: correction formulas, the accepted QTc range, the
/// Krantz 2009 thresholds, and medicines that prompt an ECG besides the "qt-prolonging" class.</summary>
public sealed class HeartCatalogue
{
    public static HeartCatalogue Default { get; } = KnowledgeFile.Read<HeartCatalogue>("vitals/heart.json");

    public int Version { get; init; }
    public string AsOf { get; init; } = "";
    public QtcRange QtcRangeMs { get; init; } = new(250, 750);
    public IReadOnlyList<CorrectionFormula> CorrectionFormulas { get; init; } = [];
    public int DiscussAboveMs { get; init; }
    public int ActAboveMs { get; init; }
    public string ThresholdSource { get; init; } = "";
    public IReadOnlyList<PromptMedicine> ExtraPromptMedicines { get; init; } = [];

    public CorrectionFormula? FormulaOf(string? id) =>
        id is null ? null : CorrectionFormulas.FirstOrDefault(f => string.Equals(f.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));
}
