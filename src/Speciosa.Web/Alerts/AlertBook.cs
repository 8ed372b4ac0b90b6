using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Alerts;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Alerts;

/// <summary>Turns alerts raised by clinical rules into Alerts rows: one active (open or acknowledged) alert per
/// patient, rule and condition key, so re-evaluating the same condition adds nothing. Rows are only added to the
/// context; the caller saves them together with the record that triggered them (<see cref="SaveAsync"/>).</summary>
public static class AlertBook
{
    /// <summary>The reason written on alerts resolved because re-evaluation no longer raises them.</summary>
    public const string ClearedReason = "Condition cleared on re-evaluation (resolved automatically).";

    public static async Task<List<RaisedAlert>> AddNewAsync(
        SpeciosaDbContext db, Patient patient, IReadOnlyList<Alert> raised, DateTimeOffset now, CancellationToken ct)
    {
        var added = new List<RaisedAlert>();
        foreach (var alert in raised)
        {
            // The recurrence rule (AlertRecurrence): one active alert per condition, and a condition resolved by hand is
            // raised again only after an evaluation found it cleared.
            var stored = await db.Alerts.Where(a => a.PatientId == patient.Id && a.RuleId == alert.Rule.Id && a.ConditionKey == alert.ConditionKey)
                .OrderByDescending(a => a.RaisedAt).FirstOrDefaultAsync(ct);
            var latest = db.Alerts.Local.Where(a => a.PatientId == patient.Id && a.RuleId == alert.Rule.Id && a.ConditionKey == alert.ConditionKey)
                .Append(stored).OfType<RaisedAlert>().OrderByDescending(a => a.RaisedAt).FirstOrDefault();
            var decision = AlertRecurrence.Decide(latest is null ? null : PriorOf(latest));
            if (decision is RecurrenceDecision.SkipActive or RecurrenceDecision.SkipResolvedConditionPersists)
            {
                continue;
            }

            var row = new RaisedAlert
            {
                Id = Guid.NewGuid(), ClinicId = patient.ClinicId, PatientId = patient.Id, RuleId = alert.Rule.Id,
                RuleVersion = alert.Rule.Version, Severity = alert.Rule.Severity.ToString(), SeverityRank = (int)alert.Rule.Severity,
                ConditionKey = alert.ConditionKey, Message = Clip(alert.Message, 4000),
                InputsJson = JsonSerializer.Serialize(alert.Inputs.Select(i => new AlertInputView(i.Name, i.Value))),
                Threshold = Clip(alert.Threshold, 500), SourceCitation = Clip(alert.Rule.Source.Citation, 2000), SourceUrl = alert.Rule.Source.Url,
                Status = AlertStatus.Open, RaisedAt = now, ConcurrencyStamp = Guid.NewGuid(),
                PreviousAlertId = decision == RecurrenceDecision.RaiseAgain ? latest!.Id : null,
            };
            db.Alerts.Add(row);
            added.Add(row);
        }

        return added;
    }

    /// <summary>Re-evaluation of a family of rules for one patient: adds what <paramref name="raised"/> holds and is not
    /// active yet, and resolves automatically every active alert of <paramref name="ruleIds"/> (with a condition key
    /// starting with <paramref name="keyPrefix"/>, when given) that the evaluation no longer raises.</summary>
    public static async Task<(List<RaisedAlert> Added, List<RaisedAlert> Resolved)> ReconcileAsync(
        SpeciosaDbContext db, Patient patient, IReadOnlyCollection<string> ruleIds, IReadOnlyList<Alert> raised, DateTimeOffset now,
        CancellationToken ct, string? keyPrefix = null)
    {
        var still = raised.Select(a => (a.Rule.Id, a.ConditionKey)).ToHashSet();
        // Active alerts, and alerts resolved by hand whose condition has not yet been seen to clear.
        var active = await db.Alerts.Where(a => a.PatientId == patient.Id && ruleIds.Contains(a.RuleId)
                && (a.Status != AlertStatus.Resolved || a.ConditionClearedAt == null))
            .ToListAsync(ct);
        var resolved = new List<RaisedAlert>();
        foreach (var alert in active.Where(a => (keyPrefix is null || a.ConditionKey.StartsWith(keyPrefix, StringComparison.Ordinal))
            && !still.Contains((a.RuleId, a.ConditionKey))))
        {
            alert.ConditionClearedAt = now;
            if (alert.Status == AlertStatus.Resolved)
            {
                // Resolved by hand earlier; now the condition is gone, so it is raised again should it arise anew.
                continue;
            }

            alert.Status = AlertStatus.Resolved;
            alert.ResolvedAt = now;
            alert.ResolvedByUserId = null;
            alert.ResolutionReason = ClearedReason;
            alert.ConcurrencyStamp = Guid.NewGuid();
            resolved.Add(alert);
        }

        var added = await AddNewAsync(db, patient, raised, now, ct);
        return (added, resolved);
    }

    /// <summary>Saves the triggering record and the staged alerts in one SaveChanges. When a concurrent request
    /// opened the same alert first (unique active index), theirs is kept and ours is saved without it.</summary>
    public static async Task<List<RaisedAlert>> SaveAsync(
        SpeciosaDbContext db, List<RaisedAlert> added, Func<Task<List<RaisedAlert>>> restage, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return added;
        }
        catch (DbUpdateException) when (added.Count > 0)
        {
            foreach (var a in added)
            {
                db.Entry(a).State = EntityState.Detached;
            }

            var again = await restage();
            await db.SaveChangesAsync(ct);
            return again;
        }
    }

    public static async Task<IReadOnlyList<AlertView>> ForPatientAsync(SpeciosaDbContext db, Guid patientId, string? status, CancellationToken ct)
    {
        var query = db.Alerts.AsNoTracking().Where(a => a.PatientId == patientId);
        if (!string.IsNullOrEmpty(status))
        {
            query = query.Where(a => a.Status == status);
        }

        return (await query.ToListAsync(ct)).OrderByDescending(a => a.RaisedAt).Select(ViewOf).ToList();
    }

    public static AlertView ViewOf(RaisedAlert a) =>
        new(a.Id, a.PatientId, a.RuleId, a.RuleVersion, a.Severity, a.ConditionKey, a.Message,
            InputsOf(a), a.Threshold, a.SourceCitation, a.SourceUrl,
            a.Status, a.RaisedAt);

    public static List<AlertInputView> InputsOf(RaisedAlert a) =>
        JsonSerializer.Deserialize<List<AlertInputView>>(a.InputsJson) ?? [];

    public static PriorAlert PriorOf(RaisedAlert a) =>
        new(a.Id, a.Status != AlertStatus.Resolved, a.RaisedAt, a.ResolvedAt, a.ResolvedByUserId is not null, a.ConditionClearedAt);

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
