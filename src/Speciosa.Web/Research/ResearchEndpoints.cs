using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Speciosa.Clinical.Research;
using Speciosa.Web.Audit;
using Speciosa.Web.Clinics;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;

namespace Speciosa.Web.Research;

/// <summary>/api/research: the de-identified extract of the caller's clinic (Researcher role), its data dictionary and the
/// cohort counts. Every extract is audited with its parameters (file, event type) and names the patients it covered.</summary>
public static class ResearchEndpoints
{
    public static IEndpointRouteBuilder MapResearchEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/research").WithTags("Research");

        group.MapGet("/cohort", async Task<Ok<CohortCounts>> (ClaimsPrincipal user, ResearchExtracts extracts, CancellationToken ct) =>
                TypedResults.Ok(await extracts.CohortAsync(user.ClinicIdOf() ?? Guid.Empty, ct)))
            .WithSummary("Counts of your clinic's cohort: patients by status, sex and age at enrolment (90+ grouped), and patients and events by type.")
            .Audited("research.cohort", "ResearchExtract").RequireAuthorization(Policies.Research);

        group.MapGet("/dictionary", () => TypedResults.Ok(ResearchDictionary.Variables))
            .WithSummary("The data dictionary: every variable of each file with type, unit, instrument and version, and source.")
            .Audited("research.dictionary", "ResearchExtract").RequireAuthorization(Policies.Research);

        group.MapGet("/dictionary.csv", async Task<IResult> (ClaimsPrincipal user, HttpContext http, ClinicCalendar calendar, TimeProvider clock,
                CancellationToken ct) =>
            {
                var csv = new CsvWriter().Header("file", "variable", "type", "unit", "instrument", "source");
                foreach (var v in ResearchDictionary.Variables)
                {
                    csv.Row(v.File, v.Variable, v.Type, v.Unit, v.Instrument, v.Source);
                }

                return CsvDownload.Of(http, csv, "research-dictionary", (await calendar.ZoneAsync(user.ClinicIdOf(), ct)).Today(clock.GetUtcNow()));
            })
            .WithSummary("The data dictionary as CSV.")
            .Produces(StatusCodes.Status200OK, contentType: CsvDownload.ContentType)
            .Audited("research.dictionary", "ResearchExtract").RequireAuthorization(Policies.Research);

        group.MapGet("/{file}.csv", async Task<IResult> (string file, ClaimsPrincipal user, HttpContext http, ResearchExtracts extracts,
                ClinicCalendar calendar, TimeProvider clock, CancellationToken ct, string? type = null) =>
            {
                if (!ResearchDictionary.Files.Contains(file))
                {
                    return ProblemResponses.Problem(StatusCodes.Status404NotFound);
                }

                if (type is not null && (file != ResearchDictionary.Events || !ResearchDictionary.EventTypes.Contains(type)))
                {
                    return ProblemResponses.Invalid("type", file == ResearchDictionary.Events
                        ? $"Allowed: {string.Join(", ", ResearchDictionary.EventTypes)}, or leave it out for every type."
                        : "Only the events file filters by type.");
                }

                // The parameters of the extract are its audit row's resource (set before the first save, which commits the row).
                http.Audit().ResourceId = $"file={file};type={type ?? "all"}";
                var clinicId = user.ClinicIdOf() ?? Guid.Empty;
                var (csv, patients) = await extracts.ExtractAsync(clinicId, file, type, ct, http.Audit());
                return CsvDownload.Of(http, csv, "research-" + file, (await calendar.ZoneAsync(clinicId, ct)).Today(clock.GetUtcNow()));
            })
            .WithSummary("One file of the de-identified extract (patients, patient-days, events; events filter by ?type): study ids, dates " +
                "shifted by each patient's secret offset, ages over 89 as 90+, no free text (HIPAA Safe Harbor identifiers removed).")
            .Produces(StatusCodes.Status200OK, contentType: CsvDownload.ContentType)
            .Audited("research.extract", "ResearchExtract").RequireAuthorization(Policies.Research);

        return app;
    }
}
