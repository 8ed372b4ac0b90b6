using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Regimens;
using Speciosa.Clinical.Jurisdictions;
using Speciosa.Web.Alerts;
using Speciosa.Web.Audit;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;
using Speciosa.Web.Products;
using Speciosa.Web.Jurisdictions;

namespace Speciosa.Web.Regimens;

/// <summary>/api/patients/{patientId}/regimens, /doses, /dose-chart; /api/taper-plans; /api/lots/{lotId}/exposures.
/// A patient the caller may not see is a 404.</summary>
public static class RegimenEndpoints
{
    public static IEndpointRouteBuilder MapRegimenEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapPatientScope().WithTags("Regimens");

        group.MapGet("/regimens", async Task<Results<Ok<IReadOnlyList<RegimenView>>, ProblemHttpResult>> (
                VisiblePatient patient, ClaimsPrincipal user, RegimenService service, CancellationToken ct) =>
                TypedResults.Ok<IReadOnlyList<RegimenView>>((await service.ListAsync(patient.Record, ct)).Select(v => For(user, v)).ToList()))
            .WithSummary("The patient's regimens, newest first, each with its current version, every version, titration and today's limits.")
            .Audited("regimen.list", "Regimen").RequireAuthorization(Policies.PatientRecords);

        group.MapGet("/regimens/{regimenId:guid}", async Task<Results<Ok<RegimenView>, ProblemHttpResult>> (
                VisiblePatient patient, Guid regimenId, ClaimsPrincipal user, HttpContext http, RegimenService service, CancellationToken ct) =>
            {
                http.Audit().ResourceId = regimenId.ToString();
                return await service.FindRegimenAsync(patient.Record, regimenId, ct) is { } r
                    ? TypedResults.Ok(For(user, await service.ViewAsync(patient.Record, r, ct))) : NotFound();
            })
            .WithSummary("One regimen with every version (who, when, why, legal decision).")
            .Audited("regimen.read", "Regimen").RequireAuthorization(Policies.PatientRecords);

        group.MapPost("/regimens", async Task<Results<Created<RegimenView>, ValidationProblem, ProblemHttpResult>> (
                VisiblePatient patient, RegimenRequest request, ClaimsPrincipal user, HttpContext http, RegimenService service, CancellationToken ct) =>
            {
                var p = patient.Record;
                var result = await service.CreateAsync(user, p, request, ct);
                if (result.Regimen is { } r)
                {
                    http.Audit().ResourceId = r.Id.ToString();
                    return TypedResults.Created($"/api/patients/{p.Id}/regimens/{r.Id}", await service.ViewAsync(p, r, ct));
                }

                return result.Outcome.ToProblem();
            })
            .WithSummary("Order a regimen (Clinician). Refused where the law refuses supply (422, with reasons and sources); a warning needs confirmLegalWarning: true (409 otherwise).")
            .Audited("regimen.create", "Regimen").RequireAuthorization(Policies.Clinician);

        group.MapPut("/regimens/{regimenId:guid}", async Task<Results<Ok<RegimenView>, ValidationProblem, ProblemHttpResult>> (
                VisiblePatient patient, Guid regimenId, RegimenRequest request, ClaimsPrincipal user, HttpContext http, RegimenService service, CancellationToken ct) =>
            {
                http.Audit().ResourceId = regimenId.ToString();
                var p = patient.Record;
                var result = await service.AmendAsync(user, p, regimenId, request, ct);
                return result.Regimen is { } r ? TypedResults.Ok(await service.ViewAsync(p, r, ct))
                    : result.Outcome.ToProblem();
            })
            .WithSummary("Amend a regimen (Clinician): a new version with a required reason; send the concurrencyStamp you read (409 when stale).")
            .Audited("regimen.amend", "Regimen").RequireAuthorization(Policies.Clinician);

        group.MapPut("/regimens/{regimenId:guid}/taper", async Task<Results<Ok<RegimenView>, ValidationProblem, ProblemHttpResult>> (
                VisiblePatient patient, Guid regimenId, TaperSaveRequest request, ClaimsPrincipal user, HttpContext http, RegimenService service, CancellationToken ct) =>
            {
                http.Audit().ResourceId = regimenId.ToString();
                var p = patient.Record;
                var result = await service.SaveTaperAsync(user, p, regimenId, request, ct);
                return result.Regimen is { } r ? TypedResults.Ok(await service.ViewAsync(p, r, ct))
                    : result.Outcome.ToProblem();
            })
            .WithSummary("Save a (generated, possibly edited) taper calendar as a new regimen version (Clinician); entries checked by the core.")
            .Audited("regimen.taper", "Regimen").RequireAuthorization(Policies.Clinician);

        group.MapPost("/regimens/{regimenId:guid}/titration/decisions", async Task<Results<Ok<RegimenView>, ValidationProblem, ProblemHttpResult>> (
                VisiblePatient patient, Guid regimenId, TitrationDecisionRequest request, ClaimsPrincipal user, HttpContext http, RegimenService service, CancellationToken ct) =>
            {
                http.Audit().ResourceId = regimenId.ToString();
                var p = patient.Record;
                var result = await service.DecideStepAsync(user, p, regimenId, request, ct);
                return result.Regimen is { } r ? TypedResults.Ok(await service.ViewAsync(p, r, ct)) : result.Outcome.ToProblem();
            })
            .WithSummary("Confirm or decline the titration step that is due (Clinician): {stepNumber, decision: confirm|decline, reason (required to decline)}. A step never starts without a confirmation; 409 when that step is not awaiting a decision.")
            .Audited("regimen.titration-decision", "Regimen").RequireAuthorization(Policies.Clinician);

        group.MapGet("/doses", async Task<Results<Ok<ListPage<DoseView>>, ValidationProblem, ProblemHttpResult>> (
                VisiblePatient patient, DoseLog log, [AsParameters] PageRequest paging, CancellationToken ct) =>
            {
                var errors = paging.Check();
                return errors.Count > 0 ? ProblemResponses.Invalid(errors) : TypedResults.Ok(await log.ListAsync(patient.Record, paging.OrSize(25), ct));
            })
            .WithSummary("The dose log, newest first, with mg of mitragynine and 7-OH per dose (certificate, else label estimate).")
            .Audited("dose.list", "Dose").RequireAuthorization(Policies.PatientRecords);

        group.MapGet("/doses.csv", async Task<IResult> (
                VisiblePatient patient, DoseLog log, Speciosa.Web.Clinics.ClinicCalendar calendar, TimeProvider clock, HttpContext http,
                CancellationToken ct) =>
            {
                var zone = await calendar.ZoneAsync(patient.Record.ClinicId, ct);
                var doses = await log.ListAsync(patient.Record, PageRequest.All, ct);
                var csv = new CsvWriter().Header($"given_at ({zone.Id})", "grams", "lot", "recorded_as", "mitragynine_mg", "seven_oh_mg",
                    "alkaloid_basis", "regimen_version");
                foreach (var d in doses.Items)
                {
                    csv.Row(zone.Local(d.GivenAt), d.Grams, d.LotCode ?? "not known",
                        d.PatientReported ? "reported by the patient" : d.Status == "given" ? "given by staff" : $"{d.Status} (not given): {d.StatusReason}",
                        d.MitragynineMg, d.SevenHydroxyMg, d.AlkaloidBasis, d.RegimenVersion);
                }

                return CsvDownload.Of(http, csv, "doses", zone.Today(clock.GetUtcNow()));
            })
            .WithSummary("The dose log as CSV (every dose, newest first, as the regimen page's dose log), times in the clinic's zone.")
            .Produces(StatusCodes.Status200OK, contentType: CsvDownload.ContentType)
            .Audited("dose.export", "Dose").RequireAuthorization(Policies.PatientRecords);

        group.MapPost("/doses", async Task<Results<Created<DoseView>, ValidationProblem, ProblemHttpResult>> (
                VisiblePatient patient, DoseRequest request, ClaimsPrincipal user, HttpContext http, DoseLog log, CancellationToken ct) =>
            {
                var p = patient.Record;
                var result = await log.RecordAsync(user, p, request, ct);
                if (!result.Outcome.Succeeded)
                {
                    return result.Outcome.ToProblem();
                }

                var dose = result.Dose!;
                http.Audit().ResourceId = dose.Id.ToString();
                var view = (await log.ViewsAsync([dose], ct))[0] with { Alerts = result.Alerts!.Select(a => a.Message).ToList() };
                return TypedResults.Created($"/api/patients/{p.Id}/doses/{dose.Id}", view);
            })
            .WithSummary("Record a dose: staff (Clinician, Nurse) give against the order (409 with reasons when it breaks it, nothing stored); a patient reports their own (always stored, departures alerted).")
            .Idempotent()
            .Audited("dose.create", "Dose").RequireAuthorization(Policies.DoseRecorders);

        group.MapGet("/dose-chart", async Task<Results<Ok<DoseChartView>, ProblemHttpResult>> (
                VisiblePatient patient, DoseLog log, CancellationToken ct) =>
                TypedResults.Ok(await log.ChartAsync(patient.Record, ct)))
            .WithSummary("Grams, administrations and alkaloid mg per clinic day against the day's ceiling, with COWS/SOWS totals.")
            .Audited("dose.chart", "Dose").RequireAuthorization(Policies.PatientRecords);

        app.MapPost("/api/taper-plans", Results<Ok<TaperCalendarDto>, ValidationProblem> (TaperSettingsDto request) =>
            {
                var errors = new Dictionary<string, string[]>();
                var settings = RegimenRequestReader.ReadSettings(request, errors);
                return settings is null ? ProblemResponses.Invalid(errors) : TypedResults.Ok(RegimenService.TaperDtoOf(TaperPlanner.Plan(settings)));
            })
            .WithTags("Regimens").WithSummary("Generate a taper-off calendar from the clinician's own method, rate, rounding step, start date and starting dose (and duration of use for the CDC method); none has a default, a missing one is a 400 naming it (Clinician). Rounds up, never faster than the rate. Nothing is saved.")
            .Audited("taper.generate", "TaperPlan").RequireAuthorization(Policies.Clinician);

        app.MapGet("/api/lots/{lotId:guid}/exposures", async Task<Results<Ok<LotExposureView>, ValidationProblem, ProblemHttpResult>> (
                Guid lotId, ClaimsPrincipal user, HttpContext http, SpeciosaDbContext db, LotExposure exposure, TimeProvider clock, CancellationToken ct, int? windowDays = null) =>
            {
                http.Audit().ResourceId = lotId.ToString();
                if (windowDays is < 1 or > 3650)
                {
                    return ProblemResponses.Invalid("windowDays", "The exposure window is 1 to 3650 days.");
                }

                var clinicId = user.ClinicIdOf() ?? Guid.Empty;
                var lot = await db.Lots.AsNoTracking().FirstOrDefaultAsync(l => l.Id == lotId && l.ClinicId == clinicId, ct);
                if (lot is null)
                {
                    return NotFound();
                }

                var view = await ExposureViewAsync(lot, exposure, clock, windowDays, ct);
                http.Audit().Showed(view.Patients.Select(p => p.PatientId));
                return TypedResults.Ok(view);
            })
            .WithTags("Regimens").WithSummary("Patients exposed to a lot: a regimen ordering it, or a dose from it within the window before its recall (or now).")
            .Audited("lot.exposures", "Lot").RequireAuthorization(Policies.RecallTracing);

        app.MapGet("/api/lots/{lotId:guid}/exposures.csv", async Task<IResult> (
                Guid lotId, ClaimsPrincipal user, HttpContext http, SpeciosaDbContext db, LotExposure exposure, TimeProvider clock,
                Speciosa.Web.Clinics.ClinicCalendar calendar, CancellationToken ct, int? windowDays = null) =>
            {
                http.Audit().ResourceId = lotId.ToString();
                if (windowDays is < 1 or > 3650)
                {
                    return ProblemResponses.Invalid("windowDays", "The exposure window is 1 to 3650 days.");
                }

                var clinicId = user.ClinicIdOf() ?? Guid.Empty;
                var lot = await db.Lots.AsNoTracking().FirstOrDefaultAsync(l => l.Id == lotId && l.ClinicId == clinicId, ct);
                if (lot is null)
                {
                    return NotFound();
                }

                var zone = await calendar.ZoneAsync(clinicId, ct);
                var view = await ExposureViewAsync(lot, exposure, clock, windowDays, ct);
                http.Audit().Showed(view.Patients.Select(p => p.PatientId));
                var csv = new CsvWriter().Header("lot", "patient", "patient_record_id", "regimen_orders_lot", "doses_in_window",
                    $"latest_dose ({zone.Id})", "window_days", "window_from");
                foreach (var p in view.Patients)
                {
                    csv.Row(view.LotCode, p.DisplayName, p.PatientId, p.ActiveRegimenOnLot, p.DosesInWindow,
                        p.LastDoseAt is { } at ? zone.Local(at) : null, view.WindowDays, DateOnly.FromDateTime(view.WindowFrom.UtcDateTime));
                }

                return CsvDownload.Of(http, csv, "lot-exposures", zone.Today(clock.GetUtcNow()));
            })
            .WithTags("Regimens").WithSummary("A lot's exposed patients as CSV (the exposure page's rows under the same ?windowDays).")
            .Produces(StatusCodes.Status200OK, contentType: CsvDownload.ContentType)
            .Audited("lot.exposures-export", "Lot").RequireAuthorization(Policies.RecallTracing);

        return app;
    }

    public static async Task<LotExposureView> ExposureViewAsync(Lot lot, LotExposure exposure, TimeProvider clock, int? windowDays, CancellationToken ct)
    {
        var window = windowDays ?? exposure.DefaultWindowDays;
        DateTimeOffset? recalledAt = lot.State == LotState.Recalled ? lot.StateChangedAt : null;
        var reference = recalledAt ?? clock.GetUtcNow();
        var from = reference.AddDays(-window);
        var patients = await exposure.ExposedAsync(lot.ClinicId, lot.Id, from, reference, ct);
        return new LotExposureView(lot.Id, lot.LotCode, lot.State.ToString(), recalledAt, window, from, patients);
    }

    /// <summary>A patient never sees a hold condition, its threshold or the readings behind a decision.</summary>
    private static RegimenView For(ClaimsPrincipal user, RegimenView view) =>
        user.IsInRole(SpeciosaRoles.Patient) && !user.IsInRole(SpeciosaRoles.Clinician) && !user.IsInRole(SpeciosaRoles.Nurse) ? view.ForPatient() : view;

    private static ProblemHttpResult NotFound() => ProblemResponses.Problem(StatusCodes.Status404NotFound);

    public static ProblemHttpResult Legal(EnforcementDecision decision, bool refused) => LegalReasons.Problem(decision, refused);
}
