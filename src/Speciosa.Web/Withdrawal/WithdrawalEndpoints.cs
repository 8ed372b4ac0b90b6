using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Speciosa.Clinical.Withdrawal.Instruments;
using Speciosa.Web.Audit;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Withdrawal;

/// <summary>/api/instruments and, per patient, opioid history, withdrawal episodes and assessments.</summary>
public static class WithdrawalEndpoints
{
    public static IEndpointRouteBuilder MapWithdrawalEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/instruments", () => TypedResults.Ok(InstrumentCatalog.Default.All))
            .WithTags("Instruments").WithSummary("Instrument definitions (items, allowed scores, bands, sources, version).")
            .Audited("instrument.list", "Instrument").RequireAuthorization(Policies.PatientRecords);

        var scoped = app.MapPatientScope().WithTags("Withdrawal");

        scoped.MapGet("/opioid-use", async Task<Results<Ok<IReadOnlyList<OpioidUseView>>, ProblemHttpResult>> (
                VisiblePatient patient, WithdrawalRecords withdrawal, CancellationToken ct) =>
                TypedResults.Ok(await withdrawal.OpioidHistoryAsync(patient.Id, ct)))
            .WithSummary("Opioid use history with MME/day (CDC table version), or why MME is not computable.")
            .Audited("opioid-use.list", "OpioidUse").RequireAuthorization(Policies.PatientRecords);

        scoped.MapPost("/opioid-use", async Task<Results<Created<OpioidUseView>, ValidationProblem, ProblemHttpResult>> (
                VisiblePatient patient, OpioidUseRequest request, ClaimsPrincipal user, HttpContext http, WithdrawalRecords withdrawal, CancellationToken ct) =>
            {
                var p = patient.Record;

                var (use, errors) = await withdrawal.RecordOpioidUseAsync(p, request, user.UserId()!.Value, ct);
                if (use is null)
                {
                    return ProblemResponses.Invalid(errors);
                }

                http.Audit().ResourceId = use.Id.ToString();
                return TypedResults.Created($"/api/patients/{p.Id}/opioid-use", WithdrawalRecords.ViewOf(use));
            })
            .WithSummary("Record an opioid the patient used: substance, amount per day and unit, release, route, duration, last use.")
            .Idempotent()
            .Audited("opioid-use.create", "OpioidUse").RequireAuthorization(Policies.Clinical);

        scoped.MapGet("/episodes", async Task<Results<Ok<IReadOnlyList<EpisodeView>>, ProblemHttpResult>> (
                VisiblePatient patient, WithdrawalRecords withdrawal, CancellationToken ct) =>
                TypedResults.Ok(await withdrawal.EpisodesAsync(patient.Id, ct)))
            .WithSummary("Withdrawal episodes with their expected course (onset, peak, acute end) and sources.")
            .Audited("episode.list", "WithdrawalEpisode").RequireAuthorization(Policies.PatientRecords);

        scoped.MapPost("/episodes", async Task<Results<Created<EpisodeView>, ValidationProblem, ProblemHttpResult>> (
                VisiblePatient patient, EpisodeRequest request, ClaimsPrincipal user, HttpContext http, WithdrawalRecords withdrawal, CancellationToken ct) =>
            {
                var p = patient.Record;

                var (episode, errors) = await withdrawal.OpenEpisodeAsync(p, request, user.UserId()!.Value, ct);
                if (episode is null)
                {
                    return ProblemResponses.Invalid(errors);
                }

                http.Audit().ResourceId = episode.Id.ToString();
                var view = (await withdrawal.EpisodesAsync(p.Id, ct)).First(e => e.Id == episode.Id);
                return TypedResults.Created($"/api/patients/{p.Id}/episodes", view);
            })
            .WithSummary("Open a withdrawal episode starting at the last use of a recorded opioid.")
            .Idempotent()
            .Audited("episode.create", "WithdrawalEpisode").RequireAuthorization(Policies.Clinical);

        scoped.MapGet("/assessments", async Task<Results<Ok<ListPage<AssessmentView>>, ValidationProblem, ProblemHttpResult>> (
                VisiblePatient patient, WithdrawalRecords withdrawal, [AsParameters] PageRequest paging, CancellationToken ct,
                string? instrument = null) =>
            {
                var errors = WithdrawalRecords.CheckHistoryQuery(instrument, paging);
                return errors.Count > 0 ? ProblemResponses.Invalid(errors)
                    : TypedResults.Ok(await withdrawal.AssessmentHistoryAsync(patient.Id, instrument, paging.OrSize(PageRequest.MaxPageSize), ct));
            })
            .WithSummary("Assessment history, newest first: answers, total, band, instrument version, rater, review state. " +
                "Filter by ?instrument (id); page from 1, pageSize up to 100 (default 100); { items, page, pageSize, total }.")
            .Audited("assessment.list", "Assessment").RequireAuthorization(Policies.PatientRecords);

        scoped.MapGet("/assessments.csv", async Task<IResult> (
                VisiblePatient patient, WithdrawalRecords withdrawal, Speciosa.Web.Clinics.ClinicCalendar calendar, TimeProvider clock,
                HttpContext http, CancellationToken ct, string? instrument = null) =>
            {
                var errors = WithdrawalRecords.CheckHistoryQuery(instrument, new PageRequest());
                if (errors.Count > 0)
                {
                    return ProblemResponses.Invalid(errors);
                }

                var zone = await calendar.ZoneAsync(patient.Record.ClinicId, ct);
                var rows = await withdrawal.AssessmentHistoryAsync(patient.Id, string.IsNullOrEmpty(instrument) ? null : instrument, PageRequest.All, ct);
                return CsvDownload.Of(http, AssessmentCsv(rows.Items, zone), "assessments", zone.Today(clock.GetUtcNow()));
            })
            .WithSummary("The assessment history as CSV (the history page's rows under the same ?instrument filter, every page), " +
                "times in the clinic's zone.")
            .Produces(StatusCodes.Status200OK, contentType: CsvDownload.ContentType)
            .Audited("assessment.export", "Assessment").RequireAuthorization(Policies.PatientRecords);

        scoped.MapPost("/assessments", async Task<Results<Created<AssessmentRecorded>, ValidationProblem, ProblemHttpResult>> (
                VisiblePatient patient, AssessmentRequest request, ClaimsPrincipal user, HttpContext http, WithdrawalRecords withdrawal, CancellationToken ct) =>
            {
                var p = patient.Record;

                var (recorded, errors) = await withdrawal.RecordAssessmentAsync(p, request, user, ct);
                if (recorded is null)
                {
                    return ProblemResponses.Invalid(errors);
                }

                http.Audit().ResourceId = recorded.Assessment.Id.ToString();
                return TypedResults.Created($"/api/patients/{p.Id}/assessments", recorded);
            })
            .WithSummary("Record an assessment (answers by item number; COWS pulseBpm scores item 1). The server computes total, " +
                "band and alerts. A patient's own entry is marked patient-reported and awaits staff review.")
            .Idempotent()
            .Audited("assessment.create", "Assessment").RequireAuthorization(Policies.PatientRecords);

        scoped.MapPost("/assessments/{assessmentId:guid}/review", async Task<Results<Ok<AssessmentView>, ProblemHttpResult>> (
                VisiblePatient patient, Guid assessmentId, ClaimsPrincipal user, HttpContext http, WithdrawalRecords withdrawal, CancellationToken ct) =>
            {
                if (await withdrawal.ReviewAsync(patient.Id, assessmentId, user.UserId()!.Value, ct) is not { } a)
                {
                    return NotFound();
                }

                http.Audit().ResourceId = a.Id.ToString();
                return TypedResults.Ok(WithdrawalRecords.ViewOf(a, await withdrawal.RaterNamesAsync([a], ct)));
            })
            .WithSummary("Staff review of a patient-reported assessment.")
            .Audited("assessment.review", "Assessment").RequireAuthorization(Policies.Clinical);

        // The overview's "Mark reviewed" button: a form post (antiforgery-checked because it binds a form field),
        // then a redirect back to the overview, so a reload sends nothing.
        app.MapPost("/patients/{patientId:guid}/assessments/{assessmentId:guid}/review", async (
                Guid patientId, Guid assessmentId, [FromForm(Name = "review")] string? review, ClaimsPrincipal user, HttpContext http,
                PatientRecords records, WithdrawalRecords withdrawal, CancellationToken ct) =>
            {
                if (await records.FindAsync(user, patientId, ct) is not { } patient)
                {
                    return Results.NotFound();
                }

                http.Audit().PatientId = patient.Id;
                http.Audit().ResourceId = assessmentId.ToString();
                return await withdrawal.ReviewAsync(patient.Id, assessmentId, user.UserId()!.Value, ct) is null
                    ? Results.NotFound()
                    : Results.LocalRedirect($"/patients/{patient.Id}");
            })
            .Audited("assessment.review", "Assessment").RequireAuthorization(Policies.Clinical)
            .ExcludeFromDescription();

        return app;
    }

    private static ProblemHttpResult NotFound() => ProblemResponses.Problem(StatusCodes.Status404NotFound);

    /// <summary>The history page's table as CSV: one row per assessment, newest first.</summary>
    public static CsvWriter AssessmentCsv(IReadOnlyList<AssessmentView> rows, Speciosa.Web.Clinics.ClinicZone zone)
    {
        var csv = new CsvWriter().Header($"assessed_at ({zone.Id})", "instrument", "instrument_version", "total", "band", "rated_by",
            "patient_reported", "awaiting_review", "answers", "pulse_bpm");
        foreach (var a in rows)
        {
            csv.Row(zone.Local(a.AssessedAt), a.InstrumentId, a.InstrumentVersion, a.Total, a.Band, a.RatedBy, a.PatientReported,
                a.AwaitingReview, string.Join(" ", a.Answers.Select(x => $"{x.Key}:{x.Value}")), a.PulseBpm);
        }

        return csv;
    }
}
