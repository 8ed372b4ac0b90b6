using Speciosa.Clinical.Jurisdictions;

namespace Speciosa.Web.Jurisdictions;

/// <summary>Create or update one entry. The reason is kept in the entry's history; an update carries the
/// concurrencyStamp it read (a stale stamp is a 409).</summary>
public sealed record JurisdictionEditRequest(string? Reason, string? ConcurrencyStamp, JurisdictionEntryData? Entry);

/// <summary>One change of an entry. A change that needed a second administrator names both: <c>changedBy</c> approved it at
/// <c>changedAt</c>, <c>proposedBy</c> proposed it at <c>proposedAt</c>.</summary>
public sealed record JurisdictionHistoryItem(
    long Id, string Kind, DateTimeOffset ChangedAt, string? ChangedBy, string Reason, JurisdictionEntryData? Before, JurisdictionEntryData? After,
    string? ProposedBy = null, DateTimeOffset? ProposedAt = null);

public sealed record JurisdictionDetail(
    JurisdictionEntryData Entry,
    JurisdictionSummary Summary,
    string ConcurrencyStamp,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<JurisdictionHistoryItem> History,
    IReadOnlyList<JurisdictionProposalView>? PendingProposals = null);

/// <summary>What an import did: entries created and updated now, entries left as they were, and the entries whose change refuses
/// supply, each a pending proposal a second administrator approves (<c>proposed</c>; nothing in the registry changed for them).</summary>
public sealed record JurisdictionImportResult(IReadOnlyList<string> Created, IReadOnlyList<string> Updated, int Unchanged,
    IReadOnlyList<JurisdictionProposalView> Proposed);

/// <summary>The legal status that applies at a place today, why, how fresh, and on what source.</summary>
public sealed record JurisdictionEvaluation(
    string On,
    string Location,
    string Status,
    string? Level,
    string? EntryId,
    string? Place,
    string? StatusText,
    string? Effective,
    string? EndsOn,
    int? MinimumAge,
    bool? Verified,
    string? LastVerified,
    int? DaysSinceVerified,
    bool IsStale,
    int StaleAfterDays,
    string Explanation,
    IReadOnlyList<SourceDocument> Sources,
    string? AnnouncedEntryId,
    string? LapsedEntryId,
    string? Checked = null)
{
    public static JurisdictionEvaluation From(ApplicableLegalStatus a, PatientLocation location, DateOnly on, int staleAfterDays)
    {
        var e = a.Entry;
        return new(JurisdictionMapping.Day(on), location.ToString(), a.Status.ToString(), a.Level?.ToString(), e?.Id, e?.Place, e?.StatusText,
            e?.Effective.ToString(), e?.EndsOn is { } end ? JurisdictionMapping.Day(end) : null, e?.MinimumAge, e?.Verified,
            e is null ? null : JurisdictionMapping.Day(e.LastVerified), a.DaysSinceVerified, a.IsStale, staleAfterDays, a.Explanation,
            e?.Sources.Select(s => new SourceDocument(s.Id, s.Citation, s.Url)).ToList() ?? [], a.Announced?.Id, a.Lapsed?.Id, e?.CheckedInWords);
    }
}

/// <summary>What an edit would do if saved now, saving nothing: for an update, <c>id</c> and the <c>concurrencyStamp</c> read with it.</summary>
public sealed record JurisdictionPreviewRequest(string? Id, string? ConcurrencyStamp, JurisdictionEntryData? Entry);

/// <summary>An affected patient of the caller's clinic: record id, name (staff only), place and how the change affects them.</summary>
public sealed record AffectedPatientView(Guid PatientId, string Name, string Location, string StatusBefore, string StatusAfter, bool SupplyRefusedAfter, string How);

/// <summary>The preview: nothing changes when <c>unchanged</c>; <c>refusesSupply</c> lists why a second administrator must
/// approve it; <c>patients</c> are the caller's clinic's, <c>patientsInOtherClinics</c> counts the rest (the registry is shared).</summary>
public sealed record JurisdictionPreviewResult(
    bool Unchanged, bool NeedsSecondApproval, IReadOnlyList<string> RefusesSupply, IReadOnlyList<AffectedPatientView> Patients, int PatientsInOtherClinics)
{
    public static JurisdictionPreviewResult From(RegistryEditPreview preview, Guid? clinicId) => new(
        preview.Unchanged,
        preview.NeedsSecondApproval,
        preview.RefusesSupply,
        preview.Patients.Where(p => p.Patient.ClinicId == clinicId)
            .Select(p => new AffectedPatientView(p.Patient.Id, $"{p.Patient.FamilyName}, {p.Patient.GivenName}", p.Effect.Location.ToString(),
                p.Effect.Before.Status.ToString(), p.Effect.After.Status.ToString(), p.Effect.RefusedAfter, p.Effect.How))
            .ToList(),
        preview.Patients.Count(p => p.Patient.ClinicId != clinicId));
}

/// <summary>A registry change waiting for (or decided by) a second administrator.</summary>
public sealed record JurisdictionProposalView(
    long Id,
    string EntryId,
    string Kind,
    string Status,
    string Reason,
    IReadOnlyList<string> RefusesSupply,
    DateTimeOffset ProposedAt,
    string ProposedBy,
    DateTimeOffset? DecidedAt,
    string? DecidedBy,
    string? DecisionNote,
    JurisdictionEntryData? Before,
    JurisdictionEntryData? After,
    string ConcurrencyStamp,
    JurisdictionPreviewResult? Preview = null)
{
    public static JurisdictionProposalView From(JurisdictionProposal p, JurisdictionPreviewResult? preview = null) => new(
        p.Id, p.EntryId, p.Kind, p.Status, p.Reason, p.RefusesSupply.Split('\n', StringSplitOptions.RemoveEmptyEntries), p.ProposedAt, p.ProposedBy,
        p.DecidedAt, p.DecidedBy, p.DecisionNote, JurisdictionMapping.FromJson(p.Before), JurisdictionMapping.FromJson(p.After), p.ConcurrencyStamp, preview);
}

/// <summary>Approve (a second administrator) or reject (any administrator, with a reason) a pending proposal.</summary>
public sealed record JurisdictionProposalDecision(string? ConcurrencyStamp, string? Reason);
