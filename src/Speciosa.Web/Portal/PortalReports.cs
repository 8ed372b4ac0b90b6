using System.Globalization;
using System.Security.Claims;
using Speciosa.Clinical.Portal;
using Speciosa.Web.Alerts;
using Speciosa.Web.Clinics;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;
using Speciosa.Web.Regimens;
using Speciosa.Web.Safety;

namespace Speciosa.Web.Portal;

/// <summary>A dose the patient took: when (clinic-local "yyyy-MM-ddTHH:mm", empty = now), grams, and the lot from their own
/// order (<see cref="RegimenQueries.PatientLotChoicesAsync"/>) or none ("I don't know").</summary>
public sealed record PortalDoseRequest(string? TakenAt, decimal? Grams, Guid? LotId);

/// <summary>A side effect: the list's id, severity (mild/moderate/severe), the patient's words for "something else", the day
/// it started (clinic day) and notes.</summary>
public sealed record PortalSideEffectRequest(string? SideEffect, string? Severity, string? OtherText, DateOnly? Started, string? Notes);

/// <summary>What the patient is told: that it is saved and staff will look, and whether to call the clinic today. No rule,
/// threshold or alert is named to a patient.</summary>
public sealed record PortalReported(Guid Id, string Message, bool CallClinicToday);

/// <summary>What a patient reports through the portal besides the check-in (issue 14 item 3): doses they took and side effects.
/// Doses go through Regimens' <see cref="DoseLog"/> as patient-reported (kept as given, never changing an order, unlocking nothing;
/// any departure from the order is an alert for staff); a lot must be one of their own order's released lots, or none. A side
/// effect becomes an adverse-event draft for staff through Safety's <see cref="AdverseEvents.RecordPatientDraftAsync"/>, which
/// raises the liver-panel alert for a liver-injury symptom in the same save.</summary>
public sealed class PortalReports(RegimenQueries regimens, DoseLog doses, AdverseEvents adverseEvents, ClinicCalendar calendar, TimeProvider clock)
{
    public const string CallClinicText =
        "Because of what you reported, please call your clinic today. If you feel very unwell, call your local emergency number.";

    public Task<IReadOnlyList<PatientLotChoice>> LotChoicesAsync(Patient patient, CancellationToken ct = default) =>
        regimens.PatientLotChoicesAsync(patient.Id, clock.GetUtcNow(), ct);

    public async Task<(PortalReported? Reported, Outcome Outcome)> ReportDoseAsync(
        Patient patient, ClaimsPrincipal user, PortalDoseRequest request, CancellationToken ct = default)
    {
        var zone = await calendar.ZoneAsync(patient.ClinicId, ct);
        var errors = new Dictionary<string, string[]>();
        DateTimeOffset? takenAt = null;
        if (!string.IsNullOrWhiteSpace(request.TakenAt) && (takenAt = zone.Instant(request.TakenAt)) is null)
        {
            errors["takenAt"] = ["Give the day and time you took it."];
        }

        if (request.LotId is { } lotId && (await LotChoicesAsync(patient, ct)).All(l => l.Id != lotId))
        {
            errors["lotId"] = ["Choose a lot from the list, or “I don't know”."];
        }

        if (request.Grams is not (> 0m and <= 1000m))
        {
            errors["grams"] = ["Enter how many grams you took: more than 0 and at most 1000."];
        }

        if (errors.Count > 0)
        {
            return (null, Outcome.Invalid(errors));
        }

        var result = await doses.RecordAsync(user, patient, new DoseRequest(takenAt, request.Grams, request.LotId), ct);
        if (!result.Outcome.Succeeded)
        {
            // The dose log keys its errors by its own names; the patient's form says "takenAt".
            return (null, result.Outcome.Kind == OutcomeKind.Invalid
                ? Outcome.Invalid(result.Outcome.Errors.ToDictionary(e => e.Key == "givenAt" ? "takenAt" : e.Key, e => e.Value))
                : result.Outcome);
        }

        return (new PortalReported(result.Dose!.Id, "Your dose is saved. Thank you. Your care team will see it.", false), Outcome.Done);
    }

    public async Task<(PortalReported? Reported, Outcome Outcome)> ReportSideEffectAsync(
        Patient patient, ClaimsPrincipal user, PortalSideEffectRequest request, CancellationToken ct = default)
    {
        var zone = await calendar.ZoneAsync(patient.ClinicId, ct);
        var now = clock.GetUtcNow();
        var today = zone.Today(now);
        var (report, errors) = SideEffectList.Default.Check(request.SideEffect, request.Severity, request.OtherText, request.Started, request.Notes, today);
        if (report is null)
        {
            return (null, Outcome.Invalid(errors));
        }

        // Onset: the start of the clinic day the patient named (today: now), kept as an instant.
        var onset = report.Started == today ? now
            : zone.Instant(report.Started.ToString("yyyy-MM-dd'T'00:00", CultureInfo.InvariantCulture)) ?? now;
        var description = $"Reported by the patient through the portal: “{report.Choice.Label}”, severity {report.Severity.Id} "
            + $"(draft grade {report.Severity.Grade.ToString(CultureInfo.InvariantCulture)}), started {report.Started:yyyy-MM-dd}."
            + (report.Notes is null ? "" : $" In their words: {report.Notes}");
        var (draft, _) = await adverseEvents.RecordPatientDraftAsync(patient, report.Term, report.TermText, report.Severity.Grade, onset,
            description, user.UserId()!.Value, ct);
        var callToday = report.LiverSymptom || report.Severity.Grade >= 3;
        return (new PortalReported(draft.Id, "Thank you. What you told us is saved and your care team will look at it."
            + (callToday ? " " + CallClinicText : ""), callToday), Outcome.Done);
    }
}
