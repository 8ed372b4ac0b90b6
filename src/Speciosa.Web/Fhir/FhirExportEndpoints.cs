using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Audit;
using Speciosa.Web.Data;
using Speciosa.Web.Identity;

namespace Speciosa.Web.Fhir;

/// <summary>FHIR Bulk Data Access (v2.0.0, "Flat FHIR"): <c>GET /fhir/$export</c> and <c>/fhir/Patient/$export</c>
/// with <c>Prefer: respond-async</c> answer 202 and a Content-Location to poll; the status is 202 with X-Progress while
/// the job runs, 200 with the manifest when it is complete, an OperationOutcome when it failed; DELETE cancels; each
/// manifest file is ndjson served by URL. Care staff only, scoped to their clinic, every step audited.</summary>
public static partial class FhirExportEndpoints
{
    public const string NdjsonType = "application/fhir+ndjson";
    private static readonly string[] Parameters = ["_type", "_since", "_outputFormat"];
    private static readonly string[] OutputFormats = ["application/fhir+ndjson", "application/ndjson", "ndjson"];

    public static void MapFhirExport(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/$export", (HttpContext http, ClaimsPrincipal user, SpeciosaDbContext db, TimeProvider clock, CancellationToken ct) =>
                KickOffAsync(false, http, user, db, clock, ct))
            .Audited("fhir.export", "FhirExportJob").RequireAuthorization(Policies.Clinical);
        fhir.MapGet("/Patient/$export", (HttpContext http, ClaimsPrincipal user, SpeciosaDbContext db, TimeProvider clock, CancellationToken ct) =>
                KickOffAsync(true, http, user, db, clock, ct))
            .Audited("fhir.export", "FhirExportJob").RequireAuthorization(Policies.Clinical);
        fhir.MapGet("/$export-status/{id:guid}", StatusAsync).Audited("fhir.export-status", "FhirExportJob").RequireAuthorization(Policies.Clinical);
        fhir.MapDelete("/$export-status/{id:guid}", CancelAsync).Audited("fhir.export-cancel", "FhirExportJob").RequireAuthorization(Policies.Clinical);
        fhir.MapGet("/$export-file/{id:guid}", FileAsync).Audited("fhir.export-file", "FhirExportFile").RequireAuthorization(Policies.Clinical);
    }

    private static async Task<IResult> KickOffAsync(bool patientLevel, HttpContext http, ClaimsPrincipal user, SpeciosaDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var request = http.Request;
        if (!request.Headers["Prefer"].Any(v => v is not null && v.Contains("respond-async", StringComparison.OrdinalIgnoreCase)))
        {
            return FhirHttp.Outcome(400, "An export runs in the background: send the header 'Prefer: respond-async' (FHIR Bulk Data kick-off).", OperationOutcome.IssueType.Required);
        }

        if (request.Query.Keys.FirstOrDefault(k => !Parameters.Contains(k, StringComparer.Ordinal)) is { } unknown)
        {
            return FhirHttp.Outcome(400, $"Parameter '{Clip(unknown)}' is not supported on $export. Supported: {string.Join(", ", Parameters)}.", OperationOutcome.IssueType.NotSupported);
        }

        if (request.Query.TryGetValue("_outputFormat", out var format) && !OutputFormats.Contains(format.ToString(), StringComparer.Ordinal))
        {
            return FhirHttp.Outcome(400, $"_outputFormat: {string.Join(", ", OutputFormats)}.", OperationOutcome.IssueType.NotSupported);
        }

        var types = FhirChart.Types.ToList();
        if (request.Query.TryGetValue("_type", out var typeValue))
        {
            var wanted = typeValue.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
            if (wanted.Count == 0 || wanted.FirstOrDefault(t => !FhirChart.Types.Contains(t)) is { } bad)
            {
                return FhirHttp.Outcome(400, $"_type: comma-separated resource types of {string.Join(", ", FhirChart.Types)}" +
                    (wanted.Count == 0 ? "." : $" ('{Clip(wanted.First(t => !FhirChart.Types.Contains(t)))}' is not one)."), OperationOutcome.IssueType.NotSupported);
            }

            types = FhirChart.Types.Where(wanted.Contains).ToList();
        }

        DateTimeOffset? since = null;
        if (request.Query.TryGetValue("_since", out var sinceValue))
        {
            if (!Instant().IsMatch(sinceValue.ToString())
                || !DateTimeOffset.TryParse(sinceValue.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return FhirHttp.Outcome(400, "_since: a FHIR instant with time zone, e.g. 2026-11-01T00:00:00Z.");
            }

            since = parsed;
        }

        if (user.ClinicIdOf() is not { } clinicId || user.UserId() is not { } userId)
        {
            return FhirHttp.Outcome(403, "Only staff of a clinic can export its data.");
        }

        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";
        var job = new FhirExportJob
        {
            Id = Guid.NewGuid(), ClinicId = clinicId, RequestedByUserId = userId, PatientLevel = patientLevel, Types = string.Join(",", types),
            Since = since, RequestUrl = url.Length > 2000 ? url[..2000] : url, Status = FhirExportJob.Accepted, RequestedAt = clock.GetUtcNow(),
        };
        db.FhirExportJobs.Add(job);
        http.Audit().ResourceId = "FhirExportJob/" + job.Id;
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ContentLocation = FhirHttp.BaseUrl(request) + "/$export-status/" + job.Id;
        return FhirHttp.Resource(Information($"Export accepted: poll the Content-Location for its status."), StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> StatusAsync(Guid id, HttpContext http, ClaimsPrincipal user, SpeciosaDbContext db, TimeProvider clock,
        IConfiguration configuration, CancellationToken ct)
    {
        http.Audit().ResourceId = "FhirExportJob/" + id;
        var job = await JobOfAsync(id, user, db, ct);
        if (job is null || job.Status == FhirExportJob.Cancelled)
        {
            return FhirHttp.Outcome(404, $"Export {id} was not found (or was cancelled).", OperationOutcome.IssueType.NotFound);
        }

        var retention = FhirExportJob.Retention(configuration);
        if (job.HasExpired(clock.GetUtcNow(), retention))
        {
            return Gone(job, retention);
        }

        switch (job.Status)
        {
            case FhirExportJob.Failed:
                return FhirHttp.Outcome(500, job.Error ?? "The export failed; ask for it again.", OperationOutcome.IssueType.Exception);
            case FhirExportJob.Completed:
                break;
            default:
                http.Response.Headers["X-Progress"] = job.Progress ?? (job.Status == FhirExportJob.Accepted ? "queued" : "started");
                http.Response.Headers.RetryAfter = "1";
                return Results.StatusCode(StatusCodes.Status202Accepted);
        }

        var files = await db.FhirExportFiles.AsNoTracking().Where(f => f.JobId == job.Id && f.Count > 0)
            .Select(f => new { f.Id, f.Type, f.Count }).ToListAsync(ct);
        var order = job.Types.Split(',').ToList();
        var baseUrl = FhirHttp.BaseUrl(http.Request);
        http.Response.Headers.Expires = (job.CompletedAt + retention)?.ToString("R", CultureInfo.InvariantCulture);
        return Results.Json(new
        {
            transactionTime = job.RequestedAt.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            request = job.RequestUrl,
            requiresAccessToken = true,
            output = files.OrderBy(f => order.IndexOf(f.Type)).Select(f => new { type = f.Type, url = baseUrl + "/$export-file/" + f.Id, count = f.Count }),
            error = Array.Empty<object>(),
        }, contentType: "application/json");
    }

    private static async Task<IResult> CancelAsync(Guid id, HttpContext http, ClaimsPrincipal user, SpeciosaDbContext db, CancellationToken ct)
    {
        http.Audit().ResourceId = "FhirExportJob/" + id;
        var job = await JobOfAsync(id, user, db, ct, tracked: true);
        if (job is null || job.Status == FhirExportJob.Cancelled)
        {
            return FhirHttp.Outcome(404, $"Export {id} was not found (or was already cancelled).", OperationOutcome.IssueType.NotFound);
        }

        job.Status = FhirExportJob.Cancelled;
        job.Progress = null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await db.FhirExportFiles.Where(f => f.JobId == job.Id).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return FhirHttp.Resource(Information("Export cancelled; its files are deleted."), StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> FileAsync(Guid id, HttpContext http, ClaimsPrincipal user, SpeciosaDbContext db, TimeProvider clock,
        IConfiguration configuration, CancellationToken ct)
    {
        http.Audit().ResourceId = "FhirExportFile/" + id;
        var clinicId = user.ClinicIdOf() ?? Guid.Empty;
        var found = await db.FhirExportFiles.AsNoTracking().Where(f => f.Id == id)
            .Join(db.FhirExportJobs.AsNoTracking().Where(j => j.ClinicId == clinicId && j.Status == FhirExportJob.Completed), f => f.JobId, j => j.Id, (f, j) => new { f, j })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return FhirHttp.Outcome(404, $"Export file {id} was not found.", OperationOutcome.IssueType.NotFound);
        }

        var retention = FhirExportJob.Retention(configuration);
        return found.j.HasExpired(clock.GetUtcNow(), retention)
            ? Gone(found.j, retention)
            : Results.Text(found.f.Content, NdjsonType, System.Text.Encoding.UTF8);
    }

    /// <summary>410 Gone: the export finished and its files were kept for the retention period, which has passed (the
    /// manifest's Expires header said when). The client asks for a new export.</summary>
    private static IResult Gone(FhirExportJob job, TimeSpan retention) =>
        FhirHttp.Outcome(StatusCodes.Status410Gone,
            $"This export's files expired at {(job.CompletedAt + retention)?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)} and are deleted; ask for a new export.",
            OperationOutcome.IssueType.NotFound);

    private static Task<FhirExportJob?> JobOfAsync(Guid id, ClaimsPrincipal user, SpeciosaDbContext db, CancellationToken ct, bool tracked = false)
    {
        var clinicId = user.ClinicIdOf() ?? Guid.Empty;
        var jobs = tracked ? db.FhirExportJobs : db.FhirExportJobs.AsNoTracking();
        return jobs.FirstOrDefaultAsync(j => j.Id == id && j.ClinicId == clinicId, ct);
    }

    private static OperationOutcome Information(string text) => new()
    {
        Issue = [new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Information, Code = OperationOutcome.IssueType.Informational, Diagnostics = text }],
    };

    private static string Clip(string s) => s.Length > 40 ? s[..40] : s;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Instant();
}
