using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Vitals;

/// <summary>One vital sign: the request field that carries it, its UCUM unit, LOINC code and the range accepted at
/// entry (plausibility against typing errors, not a normal range).</summary>
public sealed record VitalSignDefinition(string Field, string Name, string Unit, string UnitLabel, string Loinc, decimal Min, decimal Max, int Decimals);

/// <summary>A POSS level (S, 1–4) with its published wording; 3 and 4 are unacceptable sedation (Pasero 2009).</summary>
public sealed record PossLevel(string Level, string Label, bool Unacceptable);

public sealed record PossDefinition(string Name, int Version, string Source, IReadOnlyList<PossLevel> Levels);

/// <summary>The vital signs and the POSS, read from <c>knowledge/vitals/vital-signs.json</c>.</summary>
public sealed class VitalSignCatalogue
{
    public static VitalSignCatalogue Default { get; } = Load();

    public int Version { get; private init; }
    public string AsOf { get; private init; } = "";
    public IReadOnlyList<VitalSignDefinition> Observations { get; private init; } = [];
    public PossDefinition Poss { get; private init; } = null!;

    public VitalSignDefinition Get(string field) => Observations.Single(o => o.Field == field);

    /// <summary>The POSS level for an answer ("S", "s", "3"), or null when it is not one.</summary>
    public PossLevel? PossLevelOf(string? answer) =>
        answer is null ? null : Poss.Levels.FirstOrDefault(l => string.Equals(l.Level, answer.Trim(), StringComparison.OrdinalIgnoreCase));

    private static VitalSignCatalogue Load()
    {
        var file = KnowledgeFile.Read<CatalogueFile>("vitals/vital-signs.json");
        return new VitalSignCatalogue { Version = file.Version, AsOf = file.AsOf, Observations = file.Observations, Poss = file.Poss };
    }

    private sealed record CatalogueFile(int Version, string AsOf, IReadOnlyList<VitalSignDefinition> Observations, PossDefinition Poss);
}
