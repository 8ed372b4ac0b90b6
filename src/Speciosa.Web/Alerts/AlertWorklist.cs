using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Alerts;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Alerts;

/// <summary>An alert as the worklist shows it: rule id and version, severity, message, inputs, threshold, source,
/// and its lifecycle (who acknowledged it with what note; who resolved it and why, or that it cleared by itself).</summary>
public sealed record AlertDetail(
    Guid Id, Guid PatientId, string PatientName, string RuleId, int RuleVersion, string Severity, string ConditionKey, string Message,
    IReadOnlyList<AlertInputView> Inputs, string Threshold, string SourceCitation, string? SourceUrl, string Status, DateTimeOffset RaisedAt,
    DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, string? AcknowledgementNote,
    DateTimeOffset? ResolvedAt, string? ResolvedBy, bool ResolvedAutomatically, string? ResolutionReason, Guid ConcurrencyStamp,
    Guid? AssignedToUserId = null, string? AssignedTo = null, DateTimeOffset? SnoozedUntil = null, string? SnoozeReason = null,
    string? SnoozedBy = null, string? RaisedAgainBecause = null);

/// <summary>The worklist's filters. <see cref="Status"/>: open (default), acknowledged, resolved, active, snoozed, all; open and
/// active leave out alerts snoozed until later. <see cref="CareTeamOf"/>: alerts of patients whose care team includes that user.</summary>
public sealed record AlertFilter(string? Severity = null, string? Status = null, string? Rule = null, Guid? PatientId = null,
    Guid? AssignedTo = null, Guid? CareTeamOf = null);

/// <summary>One alert of a bulk action, with the concurrency stamp it was read at.</summary>
public sealed record AlertRef(Guid Id, Guid? ConcurrencyStamp);

public sealed record BulkAcknowledgeRequest(IReadOnlyList<AlertRef>? Alerts, string? Note);

/// <summary>Snooze until <see cref="Until"/> (an instant with offset) with a reason.</summary>
public sealed record SnoozeRequest(IReadOnlyList<AlertRef>? Alerts, DateTimeOffset? Until, string? Reason);

/// <summary>Assign to a user of the clinic (clinician, nurse or admin), or unassign with null.</summary>
public sealed record AssignRequest(IReadOnlyList<AlertRef>? Alerts, Guid? AssigneeUserId);

public sealed record AcknowledgeRequest(string? Note, Guid? ConcurrencyStamp);

public sealed record ResolveRequest(string? Reason, Guid? ConcurrencyStamp);

/// <summary>The clinic's alert worklist: filter and page alerts of the caller's clinic, acknowledge (named user +
/// note) and resolve by hand (reason). Resolution on re-evaluation is <see cref="AlertBook.ReconcileAsync"/>.</summary>
public sealed class AlertWorklist(SpeciosaDbContext db, TimeProvider clock, Speciosa.Web.Clinics.ClinicCalendar calendar)
{
    public static readonly IReadOnlyList<string> Severities = Enum.GetNames<AlertSeverity>();

    public static Dictionary<string, string[]> CheckFilters(string? severity, string? status, PageRequest paging)
    {
        var errors = paging.Check();
        if (!string.IsNullOrEmpty(severity) && !Severities.Contains(severity))
        {
            errors["severity"] = [$"Allowed: {string.Join(", ", Severities)}."];
        }

        if (!string.IsNullOrEmpty(status) && status is not ("active" or "all" or Snoozed) && !AlertStatus.All.Contains(status))
        {
            errors["status"] = ["Allowed: open, acknowledged, resolved, active (open or acknowledged), snoozed, all."];
        }

        return errors;
    }

    /// <summary>The status filter value for alerts snoozed until later (open or acknowledged).</summary>
    public const string Snoozed = "snoozed";

    /// <summary>Alerts of the caller's clinic, most severe first, then newest. Status defaults to open.</summary>
    public Task<ListPage<AlertDetail>> ListAsync(ClaimsPrincipal user, string? severity, string? status, string? rule, Guid? patientId,
        PageRequest paging, CancellationToken ct) =>
        ListAsync(user, new AlertFilter(severity, status, rule, patientId), paging, ct);

    /// <summary>Alerts of the caller's clinic under <paramref name="filter"/>, most severe first, then newest. Every filter is
    /// served by an index in the worklist's order (M0020, M0027; see HotQueryPlanTests).</summary>
    public async Task<ListPage<AlertDetail>> ListAsync(ClaimsPrincipal user, AlertFilter filter, PageRequest paging, CancellationToken ct)
    {
        var clinicId = user.ClinicIdOf() ?? Guid.Empty;
        var (severity, status, rule, patientId) = (filter.Severity, filter.Status, filter.Rule, filter.PatientId);
        var now = clock.GetUtcNow();
        var query = db.Alerts.AsNoTracking().Where(a => a.ClinicId == clinicId);
        status = string.IsNullOrEmpty(status) ? AlertStatus.Open : status;
        query = status switch
        {
            "all" => query,
            "active" => query.Where(a => a.Status != AlertStatus.Resolved && (a.SnoozedUntil == null || a.SnoozedUntil <= now)),
            Snoozed => query.Where(a => a.Status != AlertStatus.Resolved && a.SnoozedUntil > now),
            AlertStatus.Resolved => query.Where(a => a.Status == status),
            _ => query.Where(a => a.Status == status && (a.SnoozedUntil == null || a.SnoozedUntil <= now)),
        };
        if (filter.AssignedTo is { } assignee)
        {
            query = query.Where(a => a.AssignedToUserId == assignee);
        }

        if (filter.CareTeamOf is { } member)
        {
            query = query.Where(a => db.CareTeamMembers.Any(m => m.UserId == member && m.PatientId == a.PatientId));
        }
        if (!string.IsNullOrEmpty(severity))
        {
            query = query.Where(a => a.Severity == severity);
        }

        if (!string.IsNullOrEmpty(rule))
        {
            query = query.Where(a => a.RuleId == rule);
        }

        if (patientId is { } pid)
        {
            query = query.Where(a => a.PatientId == pid);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.SeverityRank).ThenByDescending(a => a.RaisedAt).ThenBy(a => a.Id)
            .Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return paging.Of(await DetailsAsync(rows, ct), total);
    }

    public async Task<AlertDetail?> FindAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var row = await Visible(user).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        return row is null ? null : (await DetailsAsync([row], ct))[0];
    }

    /// <summary>Acknowledges an open alert: the caller is named and a note is required. It stays active (and is not
    /// raised again) until resolved by hand or cleared on re-evaluation.</summary>
    public async Task<(Outcome Outcome, RaisedAlert? Alert)> AcknowledgeAsync(
        ClaimsPrincipal user, Guid id, AcknowledgeRequest request, CancellationToken ct)
    {
        var alert = await Visible(user).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (alert is null)
        {
            return (Outcome.NotFound, null);
        }

        if (string.IsNullOrWhiteSpace(request.Note) || request.Note.Trim().Length > 1000)
        {
            return (Outcome.Invalid("note", "A note of 1 to 1000 characters saying what you did or will do."), alert);
        }

        if (request.ConcurrencyStamp != alert.ConcurrencyStamp)
        {
            return (Outcome.Stale(StaleText(request.ConcurrencyStamp)), alert);
        }

        if (alert.Status != AlertStatus.Open)
        {
            return (Outcome.Conflict($"The alert is already {alert.Status}."), alert);
        }

        alert.Status = AlertStatus.Acknowledged;
        alert.AcknowledgedAt = clock.GetUtcNow();
        alert.AcknowledgedByUserId = user.UserId();
        alert.AcknowledgementNote = request.Note.Trim();
        return await SaveAsync(alert, ct);
    }

    /// <summary>Resolves an open or acknowledged alert by hand, with the caller named and a reason.</summary>
    public async Task<(Outcome Outcome, RaisedAlert? Alert)> ResolveAsync(
        ClaimsPrincipal user, Guid id, ResolveRequest request, CancellationToken ct)
    {
        var alert = await Visible(user).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (alert is null)
        {
            return (Outcome.NotFound, null);
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Trim().Length > 1000)
        {
            return (Outcome.Invalid("reason", "A reason of 1 to 1000 characters."), alert);
        }

        if (request.ConcurrencyStamp != alert.ConcurrencyStamp)
        {
            return (Outcome.Stale(StaleText(request.ConcurrencyStamp)), alert);
        }

        if (alert.Status == AlertStatus.Resolved)
        {
            return (Outcome.Conflict("The alert is already resolved."), alert);
        }

        alert.Status = AlertStatus.Resolved;
        alert.ResolvedAt = clock.GetUtcNow();
        alert.ResolvedByUserId = user.UserId();
        alert.ResolutionReason = request.Reason.Trim();
        return await SaveAsync(alert, ct);
    }

    /// <summary>Most alerts one bulk action takes (a page of the worklist is at most 100).</summary>
    public const int MaxBulk = 200;

    /// <summary>Acknowledges every listed alert with one note, all or nothing: each must be in the clinic, open, and at the
    /// stamp sent; each gets its own audit row (alert.acknowledge) besides the request's.</summary>
    public Task<(Outcome Outcome, IReadOnlyList<RaisedAlert> Alerts)> AcknowledgeAllAsync(
        ClaimsPrincipal user, BulkAcknowledgeRequest request, string correlationId, CancellationToken ct)
    {
        var note = request.Note?.Trim();
        if (string.IsNullOrEmpty(note) || note.Length > 1000)
        {
            return Task.FromResult<(Outcome, IReadOnlyList<RaisedAlert>)>((Outcome.Invalid("note", "A note of 1 to 1000 characters saying what you did or will do."), []));
        }

        var now = clock.GetUtcNow();
        return BulkAsync(user, request.Alerts, "alert.acknowledge", correlationId,
            a => a.Status == AlertStatus.Open ? null : $"already {a.Status}",
            a =>
            {
                a.Status = AlertStatus.Acknowledged;
                a.AcknowledgedAt = now;
                a.AcknowledgedByUserId = user.UserId();
                a.AcknowledgementNote = note;
            }, ct);
    }

    /// <summary>Resolves every listed (open or acknowledged) alert by hand with one reason, all or nothing.</summary>
    public Task<(Outcome Outcome, IReadOnlyList<RaisedAlert> Alerts)> ResolveAllAsync(
        ClaimsPrincipal user, IReadOnlyList<AlertRef>? refs, string? reason, string correlationId, CancellationToken ct)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 1000)
        {
            return Task.FromResult<(Outcome, IReadOnlyList<RaisedAlert>)>((Outcome.Invalid("reason", "A reason of 1 to 1000 characters."), []));
        }

        var now = clock.GetUtcNow();
        return BulkAsync(user, refs, "alert.resolve", correlationId,
            a => a.Status == AlertStatus.Resolved ? "already resolved" : null,
            a =>
            {
                a.Status = AlertStatus.Resolved;
                a.ResolvedAt = now;
                a.ResolvedByUserId = user.UserId();
                a.ResolutionReason = reason;
            }, ct);
    }

    /// <summary>Snoozes every listed (open or acknowledged) alert until a later time with a reason, all or nothing. Snoozed,
    /// an alert leaves the open worklist and returns to it at that time (the status filter "snoozed" lists them meanwhile).</summary>
    public Task<(Outcome Outcome, IReadOnlyList<RaisedAlert> Alerts)> SnoozeAsync(
        ClaimsPrincipal user, SnoozeRequest request, string correlationId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500)
        {
            errors["reason"] = ["A reason of 1 to 500 characters: why the alert can wait."];
        }

        if (request.Until is not { } until || until <= now || until > now.AddDays(MaxSnoozeDays))
        {
            errors["until"] = [$"A return time later than now and at most {MaxSnoozeDays} days ahead."];
        }

        if (errors.Count > 0)
        {
            return Task.FromResult<(Outcome, IReadOnlyList<RaisedAlert>)>((Outcome.Invalid(errors), []));
        }

        return BulkAsync(user, request.Alerts, "alert.snooze", correlationId,
            a => a.Status == AlertStatus.Resolved ? "already resolved" : null,
            a =>
            {
                a.SnoozedUntil = request.Until;
                a.SnoozeReason = reason;
                a.SnoozedByUserId = user.UserId();
            }, ct);
    }

    /// <summary>Longest snooze: a week.</summary>
    public const int MaxSnoozeDays = 7;

    /// <summary>Assigns every listed alert to a clinical user of the clinic (or unassigns them), all or nothing.</summary>
    public async Task<(Outcome Outcome, IReadOnlyList<RaisedAlert> Alerts)> AssignAsync(
        ClaimsPrincipal user, AssignRequest request, string correlationId, CancellationToken ct)
    {
        if (request.AssigneeUserId is { } assignee
            && !(await AssigneesAsync(user, ct)).Any(a => a.UserId == assignee))
        {
            return (Outcome.Invalid("assigneeUserId", "Choose an active clinician, nurse or administrator of your clinic, or nobody."), []);
        }

        return await BulkAsync(user, request.Alerts, "alert.assign", correlationId,
            a => a.Status == AlertStatus.Resolved ? "already resolved" : null,
            a => a.AssignedToUserId = request.AssigneeUserId, ct);
    }

    /// <summary>The people an alert can be assigned to: active clinicians, nurses and administrators of the caller's clinic.</summary>
    public async Task<IReadOnlyList<Patients.CareTeamView>> AssigneesAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var clinicId = user.ClinicIdOf() ?? Guid.Empty;
        string[] roles = [SpeciosaRoles.Clinician, SpeciosaRoles.Nurse, SpeciosaRoles.Admin];
        return await db.Users.AsNoTracking()
            .Where(u => u.ClinicId == clinicId && u.IsActive && u.Roles.Any(r => roles.Contains(r.Role)))
            .OrderBy(u => u.DisplayName)
            .Select(u => new Patients.CareTeamView(u.Id, u.DisplayName))
            .ToListAsync(ct);
    }

    private async Task<(Outcome Outcome, IReadOnlyList<RaisedAlert> Alerts)> BulkAsync(ClaimsPrincipal user, IReadOnlyList<AlertRef>? refs,
        string action, string correlationId, Func<RaisedAlert, string?> refusal, Action<RaisedAlert> apply, CancellationToken ct)
    {
        if (refs is not { Count: > 0 } || refs.Count > MaxBulk || refs.Select(r => r.Id).Distinct().Count() != refs.Count)
        {
            return (Outcome.Invalid("alerts", $"Choose 1 to {MaxBulk} different alerts."), []);
        }

        var ids = refs.Select(r => r.Id).ToList();
        var alerts = await Visible(user).Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        if (alerts.Count != refs.Count)
        {
            return (Outcome.Invalid("alerts", $"{refs.Count - alerts.Count} of the chosen alerts are not in your clinic's worklist. Nothing was saved."), []);
        }

        var byId = alerts.ToDictionary(a => a.Id);
        var stale = refs.Count(r => r.ConcurrencyStamp != byId[r.Id].ConcurrencyStamp);
        if (stale > 0)
        {
            return (Outcome.Stale($"{stale} of the {refs.Count} chosen alerts changed since you read them; reload the list. Nothing was saved."), alerts);
        }

        var refused = alerts.Select(a => refusal(a)).OfType<string>().GroupBy(r => r).ToList();
        if (refused.Count > 0)
        {
            return (Outcome.Conflict(string.Join("; ", refused.Select(g => $"{g.Count()} of the chosen alerts {(g.Count() == 1 ? "is" : "are")} {g.Key}"))
                + ". Nothing was saved."), alerts);
        }

        foreach (var alert in refs.Select(r => byId[r.Id]))
        {
            apply(alert);
            alert.ConcurrencyStamp = Guid.NewGuid();
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // The request's own audit entry commits with the changes (AuditedWrites); then one row per alert, chained after it.
            await db.SaveChangesAsync(ct);
            Audit.AuditEntry? after = null;
            foreach (var alert in refs.Select(r => byId[r.Id]))
            {
                after = await Audit.AuditTrail.StageAsync(db, new Audit.AuditRecord(action, "Alert", Audit.AuditOutcome.Success, correlationId,
                    user.UserId(), user.ClinicIdOf(), alert.Id.ToString(), alert.PatientId), clock, ct, after);
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return (Outcome.Done, alerts);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(CancellationToken.None);
            return (Outcome.Stale("Someone else changed one of the chosen alerts at the same time; reload the list. Nothing was saved."), alerts);
        }
    }

    // Every acknowledgement and resolution names the version it was decided on: a missing stamp is as stale as a wrong one.
    private static string StaleText(Guid? sent) => sent is null
        ? "Send the concurrencyStamp of the alert as you read it."
        : "The alert changed since you read it; reload it.";

    private async Task<(Outcome, RaisedAlert?)> SaveAsync(RaisedAlert alert, CancellationToken ct)
    {
        alert.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
            return (Outcome.Done, alert);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (Outcome.Stale("Someone else changed the alert at the same time; reload it."), alert);
        }
    }

    private IQueryable<RaisedAlert> Visible(ClaimsPrincipal user)
    {
        var clinicId = user.ClinicIdOf() ?? Guid.Empty;
        return db.Alerts.Where(a => a.ClinicId == clinicId);
    }

    public async Task<IReadOnlyList<AlertDetail>> DetailsAsync(IReadOnlyList<RaisedAlert> rows, CancellationToken ct)
    {
        var patientIds = rows.Select(r => r.PatientId).Distinct().ToList();
        var patients = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.GivenName + " " + p.FamilyName, ct);
        var userIds = rows.SelectMany(r => new[] { r.AcknowledgedByUserId, r.ResolvedByUserId, r.AssignedToUserId, r.SnoozedByUserId })
            .OfType<Guid>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var previousIds = rows.Select(r => r.PreviousAlertId).OfType<Guid>().Distinct().ToList();
        var previous = previousIds.Count == 0 ? []
            : await db.Alerts.AsNoTracking().Where(a => previousIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var zone = previous.Count == 0 ? Speciosa.Web.Clinics.ClinicZone.Utc : await calendar.ZoneAsync(rows[0].ClinicId, ct);
        return rows.Select(a => new AlertDetail(
            a.Id, a.PatientId, patients.GetValueOrDefault(a.PatientId, ""), a.RuleId, a.RuleVersion, a.Severity, a.ConditionKey, a.Message,
            AlertBook.InputsOf(a), a.Threshold, a.SourceCitation, a.SourceUrl, a.Status, a.RaisedAt,
            a.AcknowledgedAt, a.AcknowledgedByUserId is { } ack ? users.GetValueOrDefault(ack) : null, a.AcknowledgementNote,
            a.ResolvedAt, a.ResolvedByUserId is { } res ? users.GetValueOrDefault(res) : null,
            a.ResolvedAt is not null && a.ResolvedByUserId is null, a.ResolutionReason, a.ConcurrencyStamp,
            a.AssignedToUserId, a.AssignedToUserId is { } to ? users.GetValueOrDefault(to) : null,
            a.SnoozedUntil, a.SnoozeReason, a.SnoozedByUserId is { } sn ? users.GetValueOrDefault(sn) : null,
            a.PreviousAlertId is { } p && previous.TryGetValue(p, out var before) && before.ConditionClearedAt is { } cleared
                ? AlertRecurrence.Why(AlertBook.PriorOf(before), zone.Labelled(before.RaisedAt),
                    before.ResolvedAt is { } r ? zone.Labelled(r) : null, zone.Labelled(cleared))
                : null)).ToList();
    }
}
