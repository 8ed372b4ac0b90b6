using Speciosa.Web.Http;
using Speciosa.Clinical.Jurisdictions;

namespace Speciosa.Web.Jurisdictions;

/// <summary>What one edit or import did to the registry: the whole registry before and after, so a caller
/// can pass both to <see cref="LegalStatusChangeImpact.Assess"/> for its active patients.</summary>
public sealed record JurisdictionRegistryChange(
    IReadOnlyList<JurisdictionEntry> Before,
    IReadOnlyList<JurisdictionEntry> After,
    IReadOnlyList<string> ChangedEntryIds,
    string Reason,
    DateOnly Today,
    int StaleAfterDays);

/// <summary>Called after the registry rows and history are saved and before the transaction commits, so
/// whatever a handler writes (e.g. alerts for patients whose status changed) commits with the edit or not
/// at all. Register with <c>services.AddScoped&lt;IJurisdictionRegistryChangeHandler, ...&gt;()</c>.</summary>
public interface IJurisdictionRegistryChangeHandler
{
    Task HandleAsync(JurisdictionRegistryChange change, CancellationToken ct);
}

public sealed record ChangeAuthor(Guid? UserId, string? Name);

/// <summary>A registry edit: its <see cref="Outcome"/>, the entry as saved, and the change handed to every
/// <see cref="IJurisdictionRegistryChangeHandler"/> (null when the entry was already equal: done, nothing recorded).
/// <see cref="Proposal"/> is set when the edit refuses supply and waits for a second administrator (no change yet), and
/// on an approval (the proposal as decided).</summary>
public sealed record RegistryEditOutcome(
    Outcome Outcome, JurisdictionRecord? Record = null, JurisdictionRegistryChange? Change = null, JurisdictionProposal? Proposal = null)
{
    public bool Pending => Proposal is { Status: JurisdictionProposalStatus.Pending };
}

/// <summary>What an edit would do if saved now (<see cref="JurisdictionRegistry.PreviewAsync"/>): nothing when
/// <see cref="Unchanged"/>; the refusals it adds (non-empty: a second administrator approves it); every active patient it
/// affects, of every clinic.</summary>
public sealed record RegistryEditPreview(
    Outcome Outcome, bool Unchanged, IReadOnlyList<string> RefusesSupply, IReadOnlyList<AffectedPatient> Patients)
{
    public bool NeedsSecondApproval => RefusesSupply.Count > 0;
}

/// <summary>What an import did: the entries created and updated now, and (<see cref="Proposed"/>) the entries whose change
/// refuses supply, each kept as a pending proposal for a second administrator instead of applied.</summary>
public sealed record RegistryImportOutcome(
    IDictionary<string, string[]> Errors,
    IReadOnlyList<string> Created,
    IReadOnlyList<string> Updated,
    int Unchanged,
    JurisdictionRegistryChange? Change,
    IReadOnlyList<JurisdictionProposal>? Proposed = null)
{
    public bool IsValid => Errors.Count == 0;
}
