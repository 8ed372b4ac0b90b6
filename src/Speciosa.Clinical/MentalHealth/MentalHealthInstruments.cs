using Speciosa.Clinical.Knowledge;
using Speciosa.Clinical.Withdrawal.Instruments;

namespace Speciosa.Clinical.MentalHealth;

/// <summary>PHQ-9, GAD-7 and AUDIT-C: versioned instrument definitions under <c>src/knowledge/mental-health/instruments/</c>,
/// read into the same <see cref="InstrumentCatalog"/> (checked at load) and scored by the same <see cref="InstrumentScorer"/>
/// as COWS and SOWS. A separate catalogue so the withdrawal chart and forms do not list them.</summary>
public static class MentalHealthInstruments
{
    private const string Folder = "mental-health/instruments/";
    private static readonly Lazy<InstrumentCatalog> Embedded = new(() =>
        new InstrumentCatalog(KnowledgeFile.Names().Where(n => n.StartsWith(Folder, StringComparison.Ordinal))
            .Select(KnowledgeFile.Read<InstrumentDefinition>)));

    public const string Phq9Id = "phq-9";
    public const string Gad7Id = "gad-7";
    public const string AuditCId = "audit-c";

    /// <summary>The PHQ-9 item about thoughts of being better off dead or of self-harm.</summary>
    public const int Phq9SelfHarmItem = 9;

    /// <summary>The embedded catalogue, loaded once.</summary>
    public static InstrumentCatalog Catalog => Embedded.Value;
}
