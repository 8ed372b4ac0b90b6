using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Safety;
using Speciosa.Web.Alerts;
using Speciosa.Web.Audit;
using Speciosa.Web.Clinics;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Safety;

public sealed record AdverseEventRequest(
    string? TermId, string? OtherTerm, int Grade, [Http.ClinicalTime] DateTimeOffset Onset, [Http.ClinicalTime] DateTimeOffset? ResolvedAt, string? Outcome, string? Relatedness,
    IReadOnlyList<string>? SeriousnessCriteria, string? ActionTaken, string? Description);

public sealed record AdverseEventView(
    Guid Id, string? TermId, string TermText, int Grade, DateTimeOffset Onset, DateTimeOffset? ResolvedAt, string Outcome, string Relatedness,
    IReadOnlyList<string> SeriousnessCriteria, bool Serious, string ActionTaken, string? Description, DateTimeOffset RecordedAt,
    bool Draft = false, bool PatientReported = false);

public sealed record AdverseEventRecorded(AdverseEventView Event, IReadOnlyList<AlertView> RaisedAlerts);

/// <summary>/api/patients/{patientId}/adverse-events: record (validated and assessed by the core; a serious event alerts in
/// the same save), list, and a MedWatch-style (FDA form 3500 sections) JSON for the clinician to submit.</summary>
public static class AdverseEventEndpoints
{
    public static IEndpointRouteBuilder MapAdverseEventEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapPatientScope("/adverse-events").WithTags("Adverse events");

        group.MapGet("/terms", () => TypedResults.Ok(AdverseEventTermCatalogue.Default.Terms))
            .WithSummary("The common adverse-event terms with reported frequencies and sources.")
            .Audited("adverse-event-term.list", "AdverseEventTerm").RequireAuthorization(Policies.Clinical);

        group.MapGet("/", async Task<Results<Ok<List<AdverseEventView>>, ProblemHttpResult>> (
                VisiblePatient patient, AdverseEvents events, CancellationToken ct) =>
                TypedResults.Ok(await events.ListAsync(patient.Id, ct)))
            .WithSummary("Adverse events of a patient, newest onset first.")
            .Audited("adverse-event.list", "AdverseEvent").RequireAuthorization(Policies.Clinical);

        group.MapPost("/", async Task<Results<Created<AdverseEventRecorded>, ValidationProblem, ProblemHttpResult>> (
                VisiblePatient patient, AdverseEventRequest request, ClaimsPrincipal user, HttpContext http, AdverseEvents events, CancellationToken ct) =>
            {
                var p = patient.Record;
                var (recorded, errors) = await events.RecordAsync(p, request, user.UserId()!.Value, ct);
                if (recorded is null)
                {
                    return ProblemResponses.Invalid(errors);
                }

                http.Audit().ResourceId = recorded.Event.Id.ToString();
                return TypedResults.Created($"/api/patients/{p.Id}/adverse-events/{recorded.Event.Id}", recorded);
            })
            .WithSummary("Record an adverse event: termId from the list or otherTerm, CTCAE grade 1-5, onset, outcome, relatedness, " +
                "seriousness criteria, action taken. A serious event (any criterion, or grade ≥ 4) raises its alert in the same save.")
            .Idempotent()
            .Audited("adverse-event.create", "AdverseEvent").RequireAuthorization(Policies.Clinical);

        group.MapGet("/{eventId:guid}/medwatch", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                VisiblePatient patient, Guid eventId, ClaimsPrincipal user, HttpContext http, SpeciosaDbContext db, ClinicCalendar calendar, CancellationToken ct) =>
            {
                var p = patient.Record;
                if (await db.AdverseEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId && e.PatientId == p.Id, ct) is not { } row)
                {
                    return NotFound();
                }

                http.Audit().ResourceId = row.Id.ToString();
                var reporter = await db.Users.AsNoTracking().Where(u => u.Id == user.UserId()).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
                var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(MedWatchReport.For(p, row, reporter, await calendar.TodayAsync(p.ClinicId, ct)),
                    new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
                return TypedResults.File(json, "application/json", $"medwatch-3500-{row.Id}.json");
            })
            .WithSummary("A MedWatch-style draft (FDA form 3500 sections A, B, C, E, G) as JSON for the clinician to check and submit.")
            .Audited("adverse-event.export", "AdverseEvent").RequireAuthorization(Policies.Clinical);

        return app;
    }

    public static AdverseEventView ViewOf(AdverseEventRecord e) =>
        new(e.Id, e.TermId, e.TermText, e.Grade, e.Onset, e.ResolvedAt, e.Outcome, e.Relatedness,
            e.SeriousnessCriteria.Split(',', StringSplitOptions.RemoveEmptyEntries), e.Serious, e.ActionTaken, e.Description, e.RecordedAt,
            e.Draft, e.PatientReported);

    private static ProblemHttpResult NotFound() => ProblemResponses.Problem(StatusCodes.Status404NotFound);
}

/// <summary>A draft organised like FDA MedWatch form 3500 (voluntary report). It is a draft for the clinician: patient
/// identifiers are initials only, as the form asks; the clinician checks every field and submits it to FDA. The one
/// mapping from an adverse event to the form: the JSON export and the PDF (<see cref="SafetyDocuments"/>) both use it.</summary>
public static class MedWatchReport
{
    public const string FormTitle = "FDA MedWatch 3500 (voluntary) — draft prepared by Speciosa; check every field before submitting";
    public const string ClinicToComplete = "Clinic to complete";

    public static MedWatchDraft For(Patient patient, AdverseEventRecord e, string? reporter, DateOnly reportDay)
    {
        var criteria = e.SeriousnessCriteria.Split(',', StringSplitOptions.RemoveEmptyEntries);
        return new MedWatchDraft(
            FormTitle,
            new MedWatchPatient($"{patient.GivenName[..1]}{patient.FamilyName[..1]}",
                patient.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), patient.Sex),
            new MedWatchEvent(criteria, e.Grade >= AdverseEventAssessment.SeriousFromGrade,
                e.Onset.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                reportDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                $"{e.TermText}, CTCAE grade {e.Grade}. Outcome: {e.Outcome}. {e.Description}".Trim(),
                e.ResolvedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ClinicToComplete,
            new MedWatchProduct("Kratom (Mitragyna speciosa) — product, lot and dose from the clinic's regimen record",
                e.Relatedness, e.ActionTaken, ClinicToComplete, ClinicToComplete),
            new MedWatchReporter(reporter, "Health professional", ClinicToComplete));
    }
}

// The JSON names are the form's sections, as the export has always written them.
public sealed record MedWatchDraft(
    [property: JsonPropertyName("form")] string Form,
    [property: JsonPropertyName("sectionA_patient")] MedWatchPatient SectionA,
    [property: JsonPropertyName("sectionB_adverseEvent")] MedWatchEvent SectionB,
    [property: JsonPropertyName("sectionC_productAvailability")] string SectionC,
    [property: JsonPropertyName("sectionE_suspectProduct")] MedWatchProduct SectionE,
    [property: JsonPropertyName("sectionG_reporter")] MedWatchReporter SectionG);

public sealed record MedWatchPatient(
    [property: JsonPropertyName("identifier")] string Identifier,
    [property: JsonPropertyName("dateOfBirth")] string DateOfBirth,
    [property: JsonPropertyName("sex")] string Sex);

public sealed record MedWatchEvent(
    [property: JsonPropertyName("outcomes")] IReadOnlyList<string> Outcomes,
    [property: JsonPropertyName("seriousByCtcaeGrade")] bool SeriousByCtcaeGrade,
    [property: JsonPropertyName("dateOfEvent")] string DateOfEvent,
    [property: JsonPropertyName("dateOfReport")] string DateOfReport,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("resolved")] string? Resolved);

public sealed record MedWatchProduct(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("relatedness")] string Relatedness,
    [property: JsonPropertyName("actionTaken")] string ActionTaken,
    [property: JsonPropertyName("eventAbatedAfterStopOrReduction")] string EventAbatedAfterStopOrReduction,
    [property: JsonPropertyName("eventReappearedAfterReintroduction")] string EventReappearedAfterReintroduction);

public sealed record MedWatchReporter(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("occupation")] string Occupation,
    [property: JsonPropertyName("alsoReportedTo")] string AlsoReportedTo);
