using Speciosa.Web.Identity;

namespace Speciosa.Web.Audit;

public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit/verify", async (AuditChainVerifier verifier, CancellationToken ct) =>
                TypedResults.Ok(await verifier.VerifyAsync(ct)))
            .RequireAuthorization(Policies.Admin)
            .WithTags("Audit")
            .Audited("audit.verify", "AuditLog")
            .WithSummary("Check the audit chain: intact, or the first edited, inserted or deleted entry.");
        app.MapGet("/api/audit/entries", async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<Http.ListPage<AuditRow>>, Microsoft.AspNetCore.Http.HttpResults.ValidationProblem>> (
                System.Security.Claims.ClaimsPrincipal user, HttpContext http, AuditSearch search, [Microsoft.AspNetCore.Http.AsParameters] Http.PageRequest paging,
                CancellationToken ct, Guid? patientId = null, Guid? userId = null, string? action = null, DateTimeOffset? from = null, DateTimeOffset? to = null) =>
            {
                var errors = paging.Check();
                if (errors.Count > 0)
                {
                    return Http.ProblemResponses.Invalid(errors);
                }

                var query = new AuditQuery(patientId, userId, action, from, to);
                http.Audit().PatientId = patientId;
                http.Audit().ResourceId = AuditSearch.Described(query);
                return TypedResults.Ok(await search.SearchAsync(user, query, paging.OrSize(50), ct));
            })
            .RequireAuthorization(Policies.Admin)
            .WithTags("Audit")
            .Audited("audit.search", "AuditLog")
            .WithSummary("Search your clinic's audit log newest first: patientId, userId, action (exact, e.g. alert.acknowledge), from and to " +
                "(instants with offset); page from 1, pageSize up to 100. The search is itself audited.");

        app.MapGet("/api/audit/entries.csv", async (System.Security.Claims.ClaimsPrincipal user, HttpContext http, AuditSearch search,
                Clinics.ClinicCalendar calendar, TimeProvider clock, CancellationToken ct, Guid? patientId = null, Guid? userId = null,
                string? action = null, DateTimeOffset? from = null, DateTimeOffset? to = null) =>
            {
                var query = new AuditQuery(patientId, userId, action, from, to);
                http.Audit().PatientId = patientId;
                http.Audit().ResourceId = AuditSearch.Described(query);
                var zone = await calendar.ZoneAsync(user.ClinicIdOf(), ct);
                var rows = await search.SearchAsync(user, query, Http.PageRequest.All, ct);
                return Http.CsvDownload.Of(http, AuditSearch.Csv(rows.Items, zone), "audit", zone.Today(clock.GetUtcNow()));
            })
            .RequireAuthorization(Policies.Admin)
            .WithTags("Audit")
            .Audited("audit.export", "AuditLog")
            .Produces(StatusCodes.Status200OK, contentType: Http.CsvDownload.ContentType)
            .WithSummary("The audit search (same filters as GET /api/audit/entries) as CSV, every row, times in the clinic's zone. Audited.");
        return app;
    }
}
