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
    DateTimeOffset? ResolvedAt, string? ResolvedBy, bool ResolvedAutomatically, string? ResolutionReason, Guid ConcurrencyStamp);

public sealed record AcknowledgeRequest(string? Note, Guid? ConcurrencyStamp);

public sealed record ResolveRequest(string? Reason, Guid? ConcurrencyStamp);

/// <summary>The clinic's alert worklist: filter and page alerts of the caller's clinic, acknowledge (named user +
/// note) and resolve by hand (reason). Resolution on re-evaluation is <see cref="AlertBook.ReconcileAsync"/>.</summary>
public sealed class AlertWorklist(SpeciosaDbContext db, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Severities = Enum.GetNames<AlertSeverity>();

    public static Dictionary<string, string[]> CheckFilters(string? severity, string? status, PageRequest paging)
    {
        var errors = paging.Check();
        if (!string.IsNullOrEmpty(severity) && !Severities.Contains(severity))
        {
            errors["severity"] = [$"Allowed: {string.Join(", ", Severities)}."];
        }

        if (!string.IsNullOrEmpty(status) && status != "active" && status != "all" && !AlertStatus.All.Contains(status))
        {
            errors["status"] = ["Allowed: open, acknowledged, resolved, active (open or acknowledged), all."];
        }

        return errors;
    }

    /// <summary>Alerts of the caller's clinic, most severe first, then newest. Status defaults to open.</summary>
    public async Task<ListPage<AlertDetail>> ListAsync(ClaimsPrincipal user, string? severity, string? status, string? rule, Guid? patientId,
        PageRequest paging, CancellationToken ct)
    {
        var clinicId = user.ClinicIdOf() ?? Guid.Empty;
        var query = db.Alerts.AsNoTracking().Where(a => a.ClinicId == clinicId);
        status = string.IsNullOrEmpty(status) ? AlertStatus.Open : status;
        query = status switch
        {
            "all" => query,
            "active" => query.Where(a => a.Status != AlertStatus.Resolved),
            _ => query.Where(a => a.Status == status),
        };
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
        var userIds = rows.SelectMany(r => new[] { r.AcknowledgedByUserId, r.ResolvedByUserId }).OfType<Guid>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return rows.Select(a => new AlertDetail(
            a.Id, a.PatientId, patients.GetValueOrDefault(a.PatientId, ""), a.RuleId, a.RuleVersion, a.Severity, a.ConditionKey, a.Message,
            AlertBook.InputsOf(a), a.Threshold, a.SourceCitation, a.SourceUrl, a.Status, a.RaisedAt,
            a.AcknowledgedAt, a.AcknowledgedByUserId is { } ack ? users.GetValueOrDefault(ack) : null, a.AcknowledgementNote,
            a.ResolvedAt, a.ResolvedByUserId is { } res ? users.GetValueOrDefault(res) : null,
            a.ResolvedAt is not null && a.ResolvedByUserId is null, a.ResolutionReason, a.ConcurrencyStamp)).ToList();
    }
}
