using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.CarePlans;

/// <summary>One kind of care-plan activity (<c>knowledge/careplans/activity-kinds.json</c>): its name, a plain-language
/// description a patient reads, and whether it is usually a session the clinic runs (staff record attendance).</summary>
public sealed record ActivityKind(string Id, string Name, string Plain, bool RunByClinic, string Source);

/// <summary>A source the catalogue rests on.</summary>
public sealed record ActivitySource(string Id, string Citation, bool Unconfirmed);

/// <summary>The catalogue of activity kinds a clinician builds a care plan from (issue 14 item 5). Support around withdrawal,
/// not a treatment claim.</summary>
public sealed record ActivityCatalogue(string AsOf, string Source, IReadOnlyList<ActivitySource> Sources, IReadOnlyList<ActivityKind> Kinds)
{
    public static ActivityCatalogue Default { get; } = KnowledgeFile.Read<ActivityCatalogue>("careplans/activity-kinds.json");

    public bool IsKnown(string? id) => id is not null && Kinds.Any(k => k.Id == id);

    public ActivityKind Get(string id) => Kinds.FirstOrDefault(k => k.Id == id)
        ?? throw new KeyNotFoundException($"No activity kind '{id}'.");
}
