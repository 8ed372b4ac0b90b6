using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Speciosa.Clinical.Regimens;
using Speciosa.Clinical.Jurisdictions;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Clinics;

namespace Speciosa.Web.Jurisdictions;

/// <summary>The stored legal-status registry as the core's model. Patient and regimen features call
/// <see cref="EvaluateAsync"/> / <see cref="DecideAsync"/>; edits and imports return (and hand to every
/// <see cref="IJurisdictionRegistryChangeHandler"/>) the registry before and after.</summary>
public sealed class JurisdictionRegistry(
    SpeciosaDbContext db,
    TimeProvider clock,
    ClinicCalendar calendar,
    IOptions<JurisdictionOptions> options,
    IEnumerable<IJurisdictionRegistryChangeHandler> handlers,
    RegistryChangeImpact impact)
{
    public const string SeedReason = "Seeded from the registry shipped with Speciosa (kratom-safety.md section 5).";

    public int StaleAfterDays => Math.Max(0, options.Value.StaleAfterDays);

    public int ChangedWithinDays => Math.Max(1, options.Value.ChangedWithinDays);

    public async Task<IReadOnlyList<JurisdictionEntry>> CurrentEntriesAsync(CancellationToken ct = default) =>
        (await db.Jurisdictions.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct)).Select(JurisdictionMapping.ToEntry).ToList();

    /// <summary>The status that applies at a location today, with explanation, staleness and sources.</summary>
    public async Task<ApplicableLegalStatus> EvaluateAsync(PatientLocation location, DateOnly today, CancellationToken ct = default) =>
        LegalStatusEvaluator.Evaluate(await CurrentEntriesAsync(ct), location, today, StaleAfterDays);

    /// <summary>As <see cref="EvaluateAsync"/>, reading only the entries of the location's country (an entry elsewhere never
    /// covers it): the patient banner's one cheap read.</summary>
    public async Task<ApplicableLegalStatus> EvaluateInCountryAsync(PatientLocation location, DateOnly today, CancellationToken ct = default)
    {
        var country = (location.Country ?? "").Trim().ToUpperInvariant();
        var rows = await db.Jurisdictions.AsNoTracking().Where(r => r.Country.ToUpper() == country).OrderBy(r => r.Id).ToListAsync(ct);
        return LegalStatusEvaluator.Evaluate(rows.Select(JurisdictionMapping.ToEntry).ToList(), location, today, StaleAfterDays);
    }

    /// <summary>Refuse / warn-and-confirm / allow supply for a patient at a location (and a lot, when known).</summary>
    public async Task<EnforcementDecision> DecideAsync(
        PatientLocation location, PatientCircumstances circumstances, DateOnly today, LotSevenOhContent? lot = null, CancellationToken ct = default) =>
        LegalEnforcement.Decide(await EvaluateAsync(location, today, ct), circumstances, today, lot);

    public async Task<JurisdictionListPage> ListAsync(JurisdictionQuery query, DateOnly today, CancellationToken ct = default)
    {
        var rows = db.Jurisdictions.AsNoTracking();
        if (query.Country is { } country)
        {
            rows = rows.Where(r => r.Country == country);
        }

        if (query.Subdivision is { } subdivision)
        {
            rows = rows.Where(r => r.Subdivision == subdivision);
        }

        if (query.Status is { } status)
        {
            rows = rows.Where(r => r.Status == status);
        }

        if (query.StaleOnly)
        {
            var cutoff = today.AddDays(-StaleAfterDays);
            rows = rows.Where(r => r.LastVerified < cutoff);
        }

        if (query.ChangedRecently)
        {
            var since = clock.GetUtcNow().AddDays(-ChangedWithinDays);
            var changes = db.JurisdictionChanges;
            rows = rows.Where(r => changes.Any(c => c.EntryId == r.Id && c.Kind != JurisdictionChangeKinds.Seeded && c.ChangedAt >= since));
        }

        if (query.Text is { } text)
        {
            var t = text.ToUpperInvariant();
            rows = rows.Where(r => r.Id.ToUpper().Contains(t) || r.Country.Contains(t) || (r.Subdivision != null && r.Subdivision.Contains(t))
                || (r.Locality != null && r.Locality.ToUpper().Contains(t)) || r.StatusText.ToUpper().Contains(t));
        }

        rows = query.Sort switch
        {
            "status" => rows.OrderBy(r => r.Status).ThenBy(r => r.Country).ThenBy(r => r.Subdivision).ThenBy(r => r.Id),
            "effective" => rows.OrderBy(r => r.Effective).ThenBy(r => r.Id),
            "lastVerified" => rows.OrderBy(r => r.LastVerified).ThenBy(r => r.Id),
            _ => rows.OrderBy(r => r.Country).ThenBy(r => r.Subdivision).ThenBy(r => r.Locality).ThenBy(r => r.Effective).ThenBy(r => r.Id),
        };

        var total = await rows.CountAsync(ct);
        var page = await rows.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        return new JurisdictionListPage(query.Page, query.PageSize, total, StaleAfterDays,
            page.Select(r => Summarize(JurisdictionMapping.ToEntry(r), today)).ToList(), ChangedWithinDays);
    }

    public JurisdictionSummary Summarize(JurisdictionEntry e, DateOnly today)
    {
        // A check dated "tomorrow" (the checker was east of this clinic) counts as today.
        var days = Math.Max(0, today.DayNumber - e.LastVerified.DayNumber);
        return new JurisdictionSummary(e.Id, e.Place, e.Level.ToString(), e.Country, e.Subdivision, e.Locality, e.Status.ToString(),
            e.StatusText, JurisdictionMapping.EffectiveText(e.Effective), e.Effective.ToString(),
            e.EndsOn is { } end ? JurisdictionMapping.Day(end) : null, e.MinimumAge, JurisdictionMapping.Day(e.LastVerified),
            days, days > StaleAfterDays, e.Verified, e.ConsistentSecondarySources, e.CheckedInWords);
    }

    public Task<JurisdictionRecord?> FindAsync(string id, CancellationToken ct = default) =>
        db.Jurisdictions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>The entry's history, newest first.</summary>
    public Task<List<JurisdictionChange>> HistoryAsync(string id, CancellationToken ct = default) =>
        db.JurisdictionChanges.AsNoTracking().Where(c => c.EntryId == id).OrderByDescending(c => c.Id).ToListAsync(ct);

    public async Task<JurisdictionRegistryDocument> ExportAsync(DateOnly today, CancellationToken ct = default) =>
        JurisdictionMapping.ToDocument(await CurrentEntriesAsync(ct), today);

    /// <summary><paramref name="proposing"/> runs before a change that needs a second administrator is stored as a proposal
    /// (e.g. so the request's audit entry, written with the save, says "jurisdiction.propose").</summary>
    public Task<RegistryEditOutcome> CreateAsync(JurisdictionEntryData? data, string? reason, ChangeAuthor author, CancellationToken ct = default, Action? proposing = null) =>
        SaveOneAsync(null, data, reason, null, author, proposing, ct);

    public Task<RegistryEditOutcome> UpdateAsync(
        string id, JurisdictionEntryData? data, string? reason, string? concurrencyStamp, ChangeAuthor author, CancellationToken ct = default, Action? proposing = null) =>
        SaveOneAsync(id, data, reason, concurrencyStamp, author, proposing, ct);

    /// <summary>A single-entry edit checked against the registry as it is now, before anything is saved: the edit page's
    /// preview, a save and an approval all start here.</summary>
    private sealed record EditPlan(
        List<JurisdictionRecord> Records, List<JurisdictionEntry> Before, JurisdictionRecord? Existing, JurisdictionEntry? Old, JurisdictionEntry Entry)
    {
        public bool Unchanged => Old is not null && JurisdictionMapping.Canonical(Old) == JurisdictionMapping.Canonical(Entry);
    }

    private async Task<(EditPlan? Plan, Outcome? Failure)> PlanAsync(
        string? id, JurisdictionEntryData? data, string? reason, string? stamp, bool requireReason, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (requireReason)
        {
            CheckReason(reason, errors);
        }

        if (data is null)
        {
            errors["entry"] = ["Required: the entry's fields."];
            return (null, Outcome.Invalid(errors));
        }

        if (id is not null)
        {
            if (data.Id is null)
            {
                data = data with { Id = id };
            }
            else if (!string.Equals(data.Id.Trim(), id, StringComparison.Ordinal))
            {
                errors["entry.id"] = [$"An entry's id cannot change (this is '{id}'); create a new entry instead."];
            }

            if (string.IsNullOrWhiteSpace(stamp))
            {
                errors["concurrencyStamp"] = ["Required: the concurrencyStamp you read with the entry."];
            }
        }

        var (entry, entryErrors) = JurisdictionMapping.Validate(data, "entry.");
        foreach (var (field, messages) in entryErrors)
        {
            JurisdictionMapping.Add(errors, field, messages);
        }

        var records = await db.Jurisdictions.ToListAsync(ct);
        var existing = records.FirstOrDefault(r => r.Id == (id ?? entry?.Id));
        if (id is not null && existing is null)
        {
            return (null, Outcome.NotFound);
        }

        if (id is null && existing is not null)
        {
            return (null, Outcome.Conflict($"An entry with id '{existing.Id}' exists: edit it instead."));
        }

        if (existing is not null && stamp is not null && errors.Count == 0 && existing.ConcurrencyStamp != stamp)
        {
            return (null, Outcome.Stale("The entry changed since you read it. Reload it and apply your change again."));
        }

        if (entry is null || errors.Count > 0)
        {
            return (null, Outcome.Invalid(errors));
        }

        var before = records.Select(JurisdictionMapping.ToEntry).ToList();
        var others = before.Where(e => e.Id != entry.Id).ToList();
        CheckAgainstOthers([entry], others, i => "entry.", "entry.sources", errors);
        if (errors.Count > 0)
        {
            return (null, Outcome.Invalid(errors));
        }

        return (new EditPlan(records, before, existing, before.FirstOrDefault(e => e.Id == entry.Id), entry), null);
    }

    /// <summary>What saving this edit would do, computed as the save computes it and saving nothing: the active patients
    /// whose legal status or supply changes and how (of every clinic; a page shows its own clinic's by name), and whether
    /// it refuses supply and so waits for a second administrator.</summary>
    public async Task<RegistryEditPreview> PreviewAsync(string? id, JurisdictionEntryData? data, string? stamp, CancellationToken ct = default)
    {
        var (plan, failure) = await PlanAsync(id, data, null, stamp, requireReason: false, ct);
        if (plan is null)
        {
            return new RegistryEditPreview(failure!, false, [], []);
        }

        if (plan.Unchanged)
        {
            return new RegistryEditPreview(Outcome.Done, true, [], []);
        }

        var change = await ChangeOfAsync(plan.Before, [(plan.Old, plan.Entry)], "", ct);
        return new RegistryEditPreview(Outcome.Done, false, RegistryChangeApproval.RefusalsAdded(plan.Old, plan.Entry), await impact.AssessAsync(change, ct));
    }

    private async Task<RegistryEditOutcome> SaveOneAsync(
        string? id, JurisdictionEntryData? data, string? reason, string? stamp, ChangeAuthor author, Action? proposing, CancellationToken ct)
    {
        var (plan, failure) = await PlanAsync(id, data, reason, stamp, requireReason: true, ct);
        if (plan is null)
        {
            return new(failure!);
        }

        if (plan.Unchanged)
        {
            return new(Outcome.Done, plan.Existing);
        }

        // Four eyes: an edit that refuses supply is kept pending, changing nothing, until a second administrator approves it.
        var refusals = RegistryChangeApproval.RefusalsAdded(plan.Old, plan.Entry);
        if (refusals.Count > 0 && author.UserId is { } proposer)
        {
            var proposal = Propose(plan.Old, plan.Entry, plan.Existing?.ConcurrencyStamp, reason!.Trim(), refusals, proposer, author);
            proposing?.Invoke();
            await db.SaveChangesAsync(ct);
            return new(Outcome.Done, plan.Existing, null, proposal);
        }

        var kind = plan.Old is null ? JurisdictionChangeKinds.Created : JurisdictionChangeKinds.Updated;
        var (saved, change, conflict) = await CommitAsync(plan.Records, plan.Before, [(plan.Old, plan.Entry)], kind, reason!.Trim(), author, stamp, ct);
        return conflict
            ? new(Outcome.Stale("The entry changed since you read it. Reload it and apply your change again."))
            : new(Outcome.Done, saved.Single(), change);
    }

    /// <summary>Stages a pending proposal of one entry's change (saved by the caller's SaveChanges).</summary>
    private JurisdictionProposal Propose(
        JurisdictionEntry? old, JurisdictionEntry entry, string? entryStamp, string reason, IReadOnlyList<string> refusals, Guid proposer, ChangeAuthor author)
    {
        var proposal = new JurisdictionProposal
        {
            EntryId = entry.Id,
            Kind = old is null ? JurisdictionChangeKinds.Created : JurisdictionChangeKinds.Updated,
            Before = old is null ? null : JurisdictionMapping.Canonical(old),
            After = JurisdictionMapping.Canonical(entry),
            EntryStamp = entryStamp,
            Reason = reason,
            RefusesSupply = string.Join("\n", refusals),
            ProposedAt = clock.GetUtcNow(),
            ProposedByUserId = proposer,
            ProposedBy = author.Name ?? proposer.ToString(),
            Status = JurisdictionProposalStatus.Pending,
            ConcurrencyStamp = JurisdictionMapping.NewStamp(),
        };
        db.JurisdictionProposals.Add(proposal);
        return proposal;
    }

    /// <summary>Pending proposals, as many as the proposals page lists (the admin home's count).</summary>
    public Task<int> PendingProposalCountAsync(CancellationToken ct = default) =>
        db.JurisdictionProposals.CountAsync(p => p.Status == JurisdictionProposalStatus.Pending, ct);

    public Task<List<JurisdictionProposal>> ProposalsAsync(string? status, CancellationToken ct = default) =>
        db.JurisdictionProposals.AsNoTracking()
            .Where(p => status == null || p.Status == status)
            .OrderByDescending(p => p.ProposedAt).ThenByDescending(p => p.Id)
            .Take(200)
            .ToListAsync(ct);

    public Task<List<JurisdictionProposal>> ProposalsOfEntryAsync(string entryId, CancellationToken ct = default) =>
        db.JurisdictionProposals.AsNoTracking().Where(p => p.EntryId == entryId).ToListAsync(ct);

    public Task<JurisdictionProposal?> FindProposalAsync(long proposalId, CancellationToken ct = default) =>
        db.JurisdictionProposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == proposalId, ct);

    /// <summary>Who a pending proposal would affect if approved now (the registry may have moved on since it was made).</summary>
    public async Task<RegistryEditPreview> PreviewProposalAsync(JurisdictionProposal proposal, CancellationToken ct = default) =>
        await PreviewAsync(proposal.Kind == JurisdictionChangeKinds.Created ? null : proposal.EntryId,
            JurisdictionMapping.FromJson(proposal.After), proposal.EntryStamp, ct);

    /// <summary>A second administrator approves a pending proposal: it is applied through the same code as a direct edit
    /// (history row with the approver as author and the proposal's id, patients alerted), in one transaction with the
    /// proposal's decision. The proposer cannot approve their own (403); a stale stamp or an entry changed since the
    /// proposal is 409.</summary>
    public async Task<RegistryEditOutcome> ApproveAsync(long proposalId, string? stamp, ChangeAuthor approver, CancellationToken ct = default)
    {
        var proposal = await db.JurisdictionProposals.FirstOrDefaultAsync(p => p.Id == proposalId, ct);
        if (ProposalRefusal(proposal, stamp) is { } refused)
        {
            return new(refused);
        }

        if (approver.UserId is null || approver.UserId == proposal!.ProposedByUserId)
        {
            return new(Outcome.Refused(StatusCodes.Status403Forbidden, "A second administrator must approve this change.",
                $"You proposed this change ({proposal!.ProposedBy}); it refuses supply, so another administrator must approve it.",
                ProblemTypes.SecondApprovalNeeded, new Dictionary<string, object?> { ["proposedBy"] = proposal.ProposedBy }));
        }

        var (plan, failure) = await PlanAsync(proposal.Kind == JurisdictionChangeKinds.Created ? null : proposal.EntryId,
            JurisdictionMapping.FromJson(proposal.After), proposal.Reason, proposal.EntryStamp, requireReason: true, ct);
        if (plan is null || plan.Unchanged)
        {
            return new(failure?.Kind switch
            {
                OutcomeKind.Stale => Outcome.Stale("The entry changed since this was proposed: reject the proposal and propose the change again against the entry as it is now."),
                OutcomeKind.Conflict => failure,
                null => Outcome.Conflict("The entry already reads as proposed: reject the proposal."),
                _ => Outcome.Conflict("The registry changed since this was proposed and the change no longer applies as proposed: reject it and propose it again."),
            });
        }

        var now = clock.GetUtcNow();
        db.Entry(proposal).Property(p => p.ConcurrencyStamp).OriginalValue = stamp!;
        proposal.Status = JurisdictionProposalStatus.Approved;
        proposal.DecidedAt = now;
        proposal.DecidedByUserId = approver.UserId;
        proposal.DecidedBy = approver.Name;
        proposal.ConcurrencyStamp = JurisdictionMapping.NewStamp();
        var (saved, change, conflict) = await CommitAsync(plan.Records, plan.Before, [(plan.Old, plan.Entry)], proposal.Kind, proposal.Reason, approver,
            proposal.EntryStamp, ct, proposal.Id);
        return conflict
            ? new(Outcome.Stale("The proposal or its entry changed since you read it. Reload it and decide again."))
            : new(Outcome.Done, saved.Single(), change, proposal);
    }

    /// <summary>Any administrator rejects a pending proposal (the proposer too: a withdrawal), with a reason; nothing in the
    /// registry changes.</summary>
    public async Task<Outcome> RejectAsync(long proposalId, string? stamp, string? reason, ChangeAuthor admin, CancellationToken ct = default)
    {
        var proposal = await db.JurisdictionProposals.FirstOrDefaultAsync(p => p.Id == proposalId, ct);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors["reason"] = ["Required: why the change is rejected."];
        }
        else if (reason.Trim().Length > JurisdictionModel.ReasonLength)
        {
            errors["reason"] = [$"At most {JurisdictionModel.ReasonLength} characters."];
        }

        if (ProposalRefusal(proposal, stamp) is { } refused)
        {
            return refused.Kind == OutcomeKind.Invalid ? Outcome.Invalid(errors.Concat(refused.Errors).ToDictionary()) : refused;
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        db.Entry(proposal!).Property(p => p.ConcurrencyStamp).OriginalValue = stamp!;
        proposal!.Status = JurisdictionProposalStatus.Rejected;
        proposal.DecidedAt = clock.GetUtcNow();
        proposal.DecidedByUserId = admin.UserId;
        proposal.DecidedBy = admin.Name;
        proposal.DecisionNote = reason!.Trim();
        proposal.ConcurrencyStamp = JurisdictionMapping.NewStamp();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Stale("The proposal changed since you read it. Reload it and decide again.");
        }

        return Outcome.Done;
    }

    private static Outcome? ProposalRefusal(JurisdictionProposal? proposal, string? stamp)
    {
        if (proposal is null)
        {
            return Outcome.NotFound;
        }

        if (string.IsNullOrWhiteSpace(stamp))
        {
            return Outcome.Invalid("concurrencyStamp", "Required: the concurrencyStamp you read with the proposal.");
        }

        if (proposal.Status != JurisdictionProposalStatus.Pending)
        {
            return Outcome.Conflict($"This proposal was already {proposal.Status.ToLowerInvariant()} by {proposal.DecidedBy}.");
        }

        return proposal.ConcurrencyStamp != stamp ? Outcome.Stale("The proposal changed since you read it. Reload it and decide again.") : null;
    }

    /// <summary>All-or-nothing and idempotent: a file with one wrong entry changes nothing; entries already
    /// equal are left alone, so importing the same file (or an export) again records no change. Entries
    /// not in the file stay as they are.</summary>
    public async Task<RegistryImportOutcome> ImportAsync(string json, string? reason, ChangeAuthor author, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        CheckReason(reason, errors);
        var reading = JurisdictionRegistryReader.Parse(json);
        foreach (var (field, messages) in reading.Errors)
        {
            JurisdictionMapping.Add(errors, field, messages);
        }

        if (reading.IsValid)
        {
            // Column lengths, per entry, named by index like the reader's own errors.
            var document = System.Text.Json.JsonSerializer.Deserialize<JurisdictionRegistryDocument>(json, JurisdictionMapping.Json);
            for (var i = 0; i < (document?.Entries?.Count ?? 0); i++)
            {
                JurisdictionMapping.CheckLengths(document!.Entries![i], $"entries[{i}].", errors);
            }
        }

        var records = await db.Jurisdictions.ToListAsync(ct);
        var before = records.Select(JurisdictionMapping.ToEntry).ToList();
        if (errors.Count == 0)
        {
            var fileIds = reading.Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            var indexById = reading.Entries.Select((e, i) => (e.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
            CheckAgainstOthers(reading.Entries, before.Where(e => !fileIds.Contains(e.Id)).ToList(),
                e => $"entries[{indexById[e.Id]}].", "sources", errors);
        }

        if (errors.Count > 0)
        {
            return new(errors, [], [], 0, null);
        }

        var byId = before.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var changes = new List<(JurisdictionEntry? Before, JurisdictionEntry After)>();
        var unchanged = 0;
        foreach (var entry in reading.Entries)
        {
            var old = byId.GetValueOrDefault(entry.Id);
            if (old is not null && JurisdictionMapping.Canonical(old) == JurisdictionMapping.Canonical(entry))
            {
                unchanged++;
                continue;
            }

            changes.Add((old, entry));
        }

        // Four eyes, as for a single edit: an entry whose change refuses supply is not applied but proposed (one proposal per
        // entry, approved or rejected on its own); the file's other entries apply now. A start-up import (no user) applies all.
        var proposals = new List<JurisdictionProposal>();
        if (author.UserId is { } proposer)
        {
            foreach (var (old, entry) in changes.ToList())
            {
                var refusals = RegistryChangeApproval.RefusalsAdded(old, entry);
                if (refusals.Count > 0)
                {
                    changes.Remove((old, entry));
                    proposals.Add(Propose(old, entry, old is null ? null : records.First(r => r.Id == entry.Id).ConcurrencyStamp,
                        reason!.Trim(), refusals, proposer, author));
                }
            }
        }

        if (changes.Count == 0)
        {
            if (proposals.Count > 0)
            {
                await db.SaveChangesAsync(ct);
            }

            return new(errors, [], [], unchanged, null, proposals);
        }

        // The proposals are saved by the commit's SaveChanges, in its transaction: all of the import or none of it.
        var (_, change, _) = await CommitAsync(records, before, changes, JurisdictionChangeKinds.Imported, reason!.Trim(), author, null, ct);
        return new(errors,
            changes.Where(c => c.Before is null).Select(c => c.After.Id).ToList(),
            changes.Where(c => c.Before is not null).Select(c => c.After.Id).ToList(),
            unchanged, change, proposals);
    }

    private async Task<(List<JurisdictionRecord> Saved, JurisdictionRegistryChange Change, bool Conflict)> CommitAsync(
        List<JurisdictionRecord> records,
        List<JurisdictionEntry> before,
        IReadOnlyList<(JurisdictionEntry? Before, JurisdictionEntry After)> changes,
        string kind,
        string reason,
        ChangeAuthor author,
        string? expectedStamp,
        CancellationToken ct,
        long? proposalId = null)
    {
        var now = clock.GetUtcNow();
        var saved = new List<JurisdictionRecord>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var (old, entry) in changes)
        {
            var record = records.FirstOrDefault(r => r.Id == entry.Id);
            if (record is null)
            {
                record = JurisdictionMapping.NewRecord(entry, now);
                db.Jurisdictions.Add(record);
            }
            else
            {
                if (expectedStamp is not null)
                {
                    db.Entry(record).Property(r => r.ConcurrencyStamp).OriginalValue = expectedStamp;
                }

                JurisdictionMapping.Apply(entry, record);
                record.UpdatedAt = now;
                record.ConcurrencyStamp = JurisdictionMapping.NewStamp();
            }

            saved.Add(record);
            db.JurisdictionChanges.Add(new JurisdictionChange
            {
                EntryId = entry.Id,
                Kind = kind,
                ChangedAt = now,
                ChangedByUserId = author.UserId,
                ChangedBy = author.Name,
                Reason = reason,
                Before = old is null ? null : JurisdictionMapping.Canonical(old),
                After = JurisdictionMapping.Canonical(entry),
                ProposalId = proposalId,
            });
        }

        var change = await ChangeOfAsync(before, changes, reason, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (saved, change, true);
        }

        foreach (var handler in handlers)
        {
            await handler.HandleAsync(change, ct);
        }

        await transaction.CommitAsync(ct);
        return (saved, change, false);
    }

    /// <summary>The registry before and after these changes: what the preview shows and what the handlers are given.</summary>
    private async Task<JurisdictionRegistryChange> ChangeOfAsync(
        List<JurisdictionEntry> before, IReadOnlyList<(JurisdictionEntry? Before, JurisdictionEntry After)> changes, string reason, CancellationToken ct)
    {
        var after = before.Where(e => changes.All(c => c.After.Id != e.Id)).Concat(changes.Select(c => c.After)).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        return new JurisdictionRegistryChange(before, after, changes.Select(c => c.After.Id).ToList(), reason,
            await calendar.TodayAsync(null, ct), StaleAfterDays);
    }

    /// <summary>Two entries for one place from the same date leave the evaluator no way to choose, and a
    /// source id must mean one citation across the registry (the export has one source list).</summary>
    private static void CheckAgainstOthers(
        IReadOnlyList<JurisdictionEntry> incoming,
        IReadOnlyList<JurisdictionEntry> others,
        Func<JurisdictionEntry, string> prefixOf,
        string sourcesField,
        Dictionary<string, string[]> errors)
    {
        var places = others.GroupBy(PlaceAndDate, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var sources = others.SelectMany(e => e.Sources.Select(s => (Source: s, Entry: e.Id)))
            .GroupBy(p => p.Source.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var entry in incoming)
        {
            if (places.TryGetValue(PlaceAndDate(entry), out var otherId))
            {
                JurisdictionMapping.Add(errors, prefixOf(entry) + "effective", [$"Entry '{otherId}' is for the same place from the same date: edit that entry instead."]);
            }

            for (var i = 0; i < entry.Sources.Count; i++)
            {
                var source = entry.Sources[i];
                if (sources.TryGetValue(source.Id, out var known) && (known.Source.Citation != source.Citation || known.Source.Url != source.Url))
                {
                    var field = sourcesField == "sources" ? $"{prefixOf(entry)}sources[{i}]" : $"{sourcesField}[{i}].citation";
                    JurisdictionMapping.Add(errors, field, [$"Source id '{source.Id}' already cites \"{known.Source.Citation}\" (entry '{known.Entry}'): give a different source a new id."]);
                }
            }
        }
    }

    private static string PlaceAndDate(JurisdictionEntry e) =>
        $"{e.Country}|{e.Subdivision}|{e.Locality?.ToUpperInvariant()}|{JurisdictionMapping.EffectiveText(e.Effective)}";

    private static void CheckReason(string? reason, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors["reason"] = ["Required: why the registry changes (e.g. the statute or notice that changed)."];
        }
        else if (reason.Trim().Length > JurisdictionModel.ReasonLength)
        {
            errors["reason"] = [$"At most {JurisdictionModel.ReasonLength} characters."];
        }
    }

    /// <summary>Loads the shipped registry when the table is empty, on every installation (not only the demo).
    /// Entries the reference marks UNCONFIRMED or secondary-only stay unverified.</summary>
    public static async Task<int> SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpeciosaDbContext>();
        if (await db.Jurisdictions.AnyAsync(ct))
        {
            return await AddShippedEntriesMissingAsync(scope.ServiceProvider, ct);
        }

        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var seed = JurisdictionRegistrySeed.Load();
        foreach (var entry in seed)
        {
            db.Jurisdictions.Add(JurisdictionMapping.NewRecord(entry, now));
            db.JurisdictionChanges.Add(new JurisdictionChange
            {
                EntryId = entry.Id,
                Kind = JurisdictionChangeKinds.Seeded,
                ChangedAt = now,
                Reason = SeedReason,
                After = JurisdictionMapping.Canonical(entry),
            });
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance starting at the same moment seeded first (same primary keys): keep its rows.
            await using var check = services.CreateAsyncScope();
            if (await check.ServiceProvider.GetRequiredService<SpeciosaDbContext>().Jurisdictions.AnyAsync(ct))
            {
                return 0;
            }

            throw;
        }

        return seed.Count;
    }

    public const string UpgradeReason =
        "Added at start-up from the registry shipped with this version of Speciosa: an entry this installation did not have.";

    /// <summary>On an installation that already has a registry, adds the shipped entries it lacks (by id; e.g. Florida's
    /// rule of 19 Aug 2025), through the import so patients it affects are alerted and the history says why. Entries the
    /// installation has are never touched: its administrators may have edited them. A file the registry refuses (say an
    /// administrator changed a shared source's citation) adds nothing; an administrator can import the shipped file.</summary>
    private static async Task<int> AddShippedEntriesMissingAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<SpeciosaDbContext>();
        var have = (await db.Jurisdictions.AsNoTracking().Select(r => r.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var missing = JurisdictionRegistrySeed.Load().Where(e => !have.Contains(e.Id)).ToList();
        if (missing.Count == 0)
        {
            return 0;
        }

        var registry = services.GetRequiredService<JurisdictionRegistry>();
        var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var json = System.Text.Json.JsonSerializer.Serialize(JurisdictionMapping.ToDocument(missing, today), JurisdictionMapping.Json);
        try
        {
            var outcome = await registry.ImportAsync(json, UpgradeReason, new ChangeAuthor(null, "Speciosa start-up"), ct);
            return outcome.IsValid ? outcome.Created.Count : 0;
        }
        catch (DbUpdateException)
        {
            // Another instance starting at the same moment added them first.
            return 0;
        }
    }
}
