using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Audit;
using Speciosa.Web.Clinics;
using Speciosa.Web.Data;
using Speciosa.Web.Documents;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Safety;

/// <summary>The MedWatch 3500-style adverse-event draft as a PDF, from the same mapping as the JSON export
/// (<see cref="MedWatchReport"/>). Section A carries initials only, as the form asks ("patient identifier, in
/// confidence"), and so does every page's header: the name is on no page.</summary>
public static class SafetyDocuments
{
    public static IEndpointRouteBuilder MapSafetyDocuments(this IEndpointRouteBuilder app)
    {
        app.MapPatientScope("/adverse-events").WithTags("Adverse events").MapGet("/{eventId:guid}/medwatch.pdf", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                VisiblePatient patient, Guid eventId, ClaimsPrincipal user, HttpContext http, SpeciosaDbContext db, ClinicCalendar calendar,
                DocumentPrinter printer, CancellationToken ct) =>
            {
                var p = patient.Record;
                if (await db.AdverseEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId && e.PatientId == p.Id, ct) is not { } row)
                {
                    return ProblemResponses.Problem(StatusCodes.Status404NotFound);
                }

                http.Audit().ResourceId = row.Id.ToString();
                var reporter = await db.Users.AsNoTracking().Where(u => u.Id == user.UserId()).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
                var draft = MedWatchReport.For(p, row, reporter, await calendar.TodayAsync(p.ClinicId, ct));
                // Section A identifies the patient "in confidence" by initials, not by name; so does every page's header.
                var header = new DocumentPatient("Patient identifier " + draft.SectionA.Identifier, p.DateOfBirth, p.Id);
                return await printer.PdfAsync(p.ClinicId, "MedWatch 3500 draft: adverse event", header, Blocks(draft),
                    $"medwatch-3500-{row.Id}", ct);
            })
            .Produces(StatusCodes.Status200OK, contentType: DocumentPrinter.ContentType)
            .WithSummary("The MedWatch-style draft (FDA form 3500 sections A, B, C, E, G) as a PDF for the clinician to check and submit.")
            .Audited("adverse-event.export-pdf", "AdverseEvent").RequireAuthorization(Policies.Clinical);
        return app;
    }

    public static IReadOnlyList<DocBlock> Blocks(MedWatchDraft d) =>
    [
        new DocText(d.Form, DocTextStyle.Bold),
        new DocText("The form identifies the patient in confidence by initials only (section A), never by name; the record number " +
            "lets the clinic find the chart. Fields marked \"" + MedWatchReport.ClinicToComplete + "\" are left for the clinician.", DocTextStyle.Small),
        new DocHeading("A. Patient information"),
        new DocFields(
        [
            new("Patient identifier (initials)", d.SectionA.Identifier),
            new("Date of birth", d.SectionA.DateOfBirth),
            new("Sex", d.SectionA.Sex),
        ]),
        new DocHeading("B. Adverse event"),
        new DocFields(
        [
            new("Outcome attributed to the event", d.SectionB.Outcomes.Count == 0 ? "none of the serious outcomes" : string.Join(", ", d.SectionB.Outcomes)),
            new("Serious by CTCAE grade (4 or 5)", d.SectionB.SeriousByCtcaeGrade ? "yes" : "no"),
            new("Date of event", d.SectionB.DateOfEvent),
            new("Date of this report", d.SectionB.DateOfReport),
            new("Describe event", d.SectionB.Description),
            new("Resolved", d.SectionB.Resolved ?? "not resolved"),
        ]),
        new DocHeading("C. Product availability"),
        new DocFields([new("Product available for evaluation", d.SectionC)]),
        new DocHeading("E. Suspect product"),
        new DocFields(
        [
            new("Name", d.SectionE.Name),
            new("Relatedness (clinician's assessment)", d.SectionE.Relatedness),
            new("Action taken with kratom", d.SectionE.ActionTaken),
            new("Event abated after use stopped or dose reduced", d.SectionE.EventAbatedAfterStopOrReduction),
            new("Event reappeared after reintroduction", d.SectionE.EventReappearedAfterReintroduction),
        ]),
        new DocHeading("G. Reporter"),
        new DocFields(
        [
            new("Name", d.SectionG.Name ?? ""),
            new("Occupation", d.SectionG.Occupation),
            new("Also reported to", d.SectionG.AlsoReportedTo),
        ]),
    ];
}
