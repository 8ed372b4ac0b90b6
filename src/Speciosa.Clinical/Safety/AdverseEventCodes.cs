namespace Speciosa.Clinical.Safety;

/// <summary>The text codes the web layer sends for outcome, relatedness and seriousness criteria, and their
/// meaning. Parsing is exact (lower-case, hyphenated): anything else is a validation error, never a guess.</summary>
public static class AdverseEventCodes
{
    public static IReadOnlyDictionary<string, AdverseEventOutcome> Outcomes { get; } = new Dictionary<string, AdverseEventOutcome>(StringComparer.Ordinal)
    {
        ["recovered"] = AdverseEventOutcome.Recovered,
        ["recovering"] = AdverseEventOutcome.Recovering,
        ["not-recovered"] = AdverseEventOutcome.NotRecovered,
        ["recovered-with-sequelae"] = AdverseEventOutcome.RecoveredWithSequelae,
        ["fatal"] = AdverseEventOutcome.Fatal,
        ["unknown"] = AdverseEventOutcome.Unknown,
    };

    public static IReadOnlyDictionary<string, Relatedness> Relatedness { get; } = new Dictionary<string, Relatedness>(StringComparer.Ordinal)
    {
        ["not-related"] = Safety.Relatedness.NotRelated,
        ["unlikely"] = Safety.Relatedness.Unlikely,
        ["possible"] = Safety.Relatedness.Possible,
        ["probable"] = Safety.Relatedness.Probable,
        ["definite"] = Safety.Relatedness.Definite,
    };

    public static IReadOnlyDictionary<string, SeriousnessCriterion> SeriousnessCriteria { get; } = new Dictionary<string, SeriousnessCriterion>(StringComparer.Ordinal)
    {
        ["death"] = SeriousnessCriterion.Death,
        ["life-threatening"] = SeriousnessCriterion.LifeThreatening,
        ["hospitalisation"] = SeriousnessCriterion.Hospitalisation,
        ["disability"] = SeriousnessCriterion.Disability,
        ["congenital-anomaly"] = SeriousnessCriterion.CongenitalAnomaly,
        ["other-important-medical-event"] = SeriousnessCriterion.OtherImportantMedicalEvent,
    };
}
