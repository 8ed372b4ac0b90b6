using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.MentalHealth;

/// <summary>A linked structured assessment that Speciosa does not reproduce (C-SSRS), with its licence note.</summary>
public sealed record LinkedInstrument(string Name, string Url, string LicenceNote);

/// <summary>One outcome a clinician may record for a safety assessment.</summary>
public sealed record SafetyOutcome(string Id, string Label);

/// <summary>The PHQ-9 item-9 pathway (<c>mental-health/phq9-item9-pathway.json</c>): the rule's source, the linked C-SSRS
/// with its licence note, and the outcomes a clinician records.</summary>
public sealed record Phq9SafetyPathway
{
    public required int Version { get; init; }
    public required string AsOf { get; init; }
    public required int Item { get; init; }
    public required Source Source { get; init; }
    public required LinkedInstrument StructuredAssessment { get; init; }
    public IReadOnlyList<SafetyOutcome> Outcomes { get; init; } = [];
    public IReadOnlyList<string> Notes { get; init; } = [];

    private static readonly Lazy<Phq9SafetyPathway> Embedded = new(() => KnowledgeFile.Read<Phq9SafetyPathway>("mental-health/phq9-item9-pathway.json"));

    public static Phq9SafetyPathway Default => Embedded.Value;

    public SafetyOutcome? Outcome(string? id) => Outcomes.FirstOrDefault(o => o.Id == id);
}
