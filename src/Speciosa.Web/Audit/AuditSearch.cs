using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Clinics;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;

namespace Speciosa.Web.Audit;

/// <summary>What the audit viewer searches by: a patient record id, a user, an exact action (e.g. <c>alert.acknowledge</c>),
/// and a time range (instants; the page reads them in the clinic's zone).</summary>
public sealed record AuditQuery(Guid? PatientId = null, Guid? UserId = null, string? Action = null, DateTimeOffset? From = null,
    DateTimeOffset? To = null);

/// <summary>One audit entry as the viewer shows it: ids and categories only, with the user's display name.</summary>
public sealed record AuditRow(long Sequence, DateTimeOffset OccurredAt, Guid? UserId, string? UserName, string Action, string ResourceType,
    string? ResourceId, Guid? PatientId, int PatientsShown, string Outcome, string CorrelationId);

/// <summary>The admin's audit viewer (issue 15 item 7): the clinic's audit log searched newest first, paged; each filter
/// is served by an index ending in Sequence (M0027). Entries of no clinic (the safety sweep) are not shown.</summary>
public sealed class AuditSearch(SpeciosaDbContext db)
{
    public async Task<ListPage<AuditRow>> SearchAsync(ClaimsPrincipal user, AuditQuery query, PageRequest paging, CancellationToken ct)
    {
        var clinicId = user.ClinicIdOf() ?? Guid.Empty;
        var entries = db.AuditEntries.AsNoTracking().Where(e => e.ClinicId == clinicId);
        if (query.PatientId is { } patient)
        {
            entries = entries.Where(e => e.PatientId == patient);
        }

        if (query.UserId is { } by)
        {
            entries = entries.Where(e => e.UserId == by);
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            var action = query.Action.Trim();
            entries = entries.Where(e => e.Action == action);
        }

        if (query.From is { } from)
        {
            entries = entries.Where(e => e.OccurredAt >= from);
        }

        if (query.To is { } to)
        {
            entries = entries.Where(e => e.OccurredAt < to);
        }

        var total = await entries.CountAsync(ct);
        var rows = await entries.OrderByDescending(e => e.Sequence).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        var userIds = rows.Select(r => r.UserId).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return paging.Of(rows.Select(e => new AuditRow(e.Sequence, e.OccurredAt, e.UserId, e.UserId is { } u ? names.GetValueOrDefault(u) : null,
            e.Action, e.ResourceType, e.ResourceId, e.PatientId, e.PatientIdsShown is { Length: > 0 } shown ? shown.Split(',').Length : 0,
            e.Outcome, e.CorrelationId)).ToList(), total);
    }

    /// <summary>The users of the admin's clinic to search by.</summary>
    public async Task<IReadOnlyList<Patients.CareTeamView>> UsersAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var clinicId = user.ClinicIdOf() ?? Guid.Empty;
        return await db.Users.AsNoTracking().Where(u => u.ClinicId == clinicId).OrderBy(u => u.DisplayName)
            .Select(u => new Patients.CareTeamView(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    /// <summary>The result as CSV rows, times in the clinic's zone.</summary>
    public static CsvWriter Csv(IReadOnlyList<AuditRow> rows, ClinicZone zone)
    {
        var csv = new CsvWriter().Header("sequence", $"occurred_at ({zone.Id})", "user", "user_id", "action", "resource_type", "resource_id",
            "patient_record_id", "patients_shown", "outcome", "correlation_id");
        foreach (var r in rows)
        {
            csv.Row(r.Sequence, zone.Local(r.OccurredAt), r.UserName, r.UserId, r.Action, r.ResourceType, r.ResourceId, r.PatientId,
                r.PatientsShown, r.Outcome, r.CorrelationId);
        }

        return csv;
    }

    /// <summary>The audit entry of a search: which filters were used (not their values beyond ids).</summary>
    public static string Described(AuditQuery q) =>
        string.Join(";", new[]
        {
            q.PatientId is null ? null : "patient", q.UserId is { } u ? $"user={u:N}" : null, q.Action is { Length: > 0 } a ? $"action={a}" : null,
            q.From is null ? null : "from", q.To is null ? null : "to",
        }.OfType<string>()) is { Length: > 0 } text ? text : "all";
}
