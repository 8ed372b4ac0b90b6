using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Alerts;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Alerts;

/// <summary>Turns alerts raised by clinical rules into Alerts rows: one open alert per rule and condition key,
/// so re-evaluating the same condition adds nothing. Rows are only added to the context; the caller saves them
/// together with the record that triggered them.</summary>
public static class AlertBook
{
    public static async Task<List<RaisedAlert>> AddNewAsync(
        SpeciosaDbContext db, Patient patient, IReadOnlyList<Alert> raised, DateTimeOffset now, CancellationToken ct)
    {
        var added = new List<RaisedAlert>();
        foreach (var alert in raised)
        {
            var open = await db.Alerts.AnyAsync(a => a.RuleId == alert.Rule.Id && a.ConditionKey == alert.ConditionKey
                && a.Status == AlertStatus.Open, ct);
            if (open)
            {
                continue;
            }

            var row = new RaisedAlert
            {
                Id = Guid.NewGuid(), ClinicId = patient.ClinicId, PatientId = patient.Id, RuleId = alert.Rule.Id,
                RuleVersion = alert.Rule.Version, Severity = alert.Rule.Severity.ToString(), ConditionKey = alert.ConditionKey,
                Message = alert.Message, InputsJson = JsonSerializer.Serialize(alert.Inputs.Select(i => new AlertInputView(i.Name, i.Value))),
                Threshold = alert.Threshold, SourceCitation = alert.Rule.Source.Citation, SourceUrl = alert.Rule.Source.Url,
                Status = AlertStatus.Open, RaisedAt = now,
            };
            db.Alerts.Add(row);
            added.Add(row);
        }

        return added;
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
            JsonSerializer.Deserialize<List<AlertInputView>>(a.InputsJson) ?? [], a.Threshold, a.SourceCitation, a.SourceUrl,
            a.Status, a.RaisedAt);
}
