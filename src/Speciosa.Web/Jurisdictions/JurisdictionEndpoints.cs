using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Speciosa.Clinical.Jurisdictions;
using Speciosa.Web.Audit;
using Speciosa.Web.Clinics;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;

namespace Speciosa.Web.Jurisdictions;

/// <summary>The legal-status registry over HTTP: staff read and evaluate, administrators edit and import.</summary>
public static class JurisdictionEndpoints
{
    public const int MaxImportBytes = 2 * 1024 * 1024;

    /// <summary>The audit action of an edit that was kept pending for a second administrator.</summary>
    public const string ProposeAction = "jurisdiction.propose";

    /// <summary>The range of days <c>/evaluate?on=</c> accepts: the registry's oldest entries are from the early 2000s.</summary>
    public const int EarliestOn = 1900;
    public const int LatestOn = 2200;

    public static IEndpointRouteBuilder MapJurisdictionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/jurisdictions").WithTags("Jurisdictions");

        group.MapGet("/", List)
            .RequireAuthorization(Policies.Staff)
            .Audited("jurisdiction.list", "Jurisdiction")
            .WithSummary("Search the registry: q (text), country, subdivision, status, staleOnly, changedRecently (created, edited or imported within Jurisdictions:ChangedWithinDays days); sort place|status|effective|lastVerified; page from 1, pageSize up to 100.");

        group.MapGet("/evaluate", Evaluate)
            .RequireAuthorization(Policies.Staff)
            .Audited("jurisdiction.evaluate", "Jurisdiction")
            .WithSummary("The legal status that applies at country (ISO 3166-1), subdivision (ISO 3166-2) and locality on a day (on=yyyy-MM-dd; default today in the caller's clinic), with explanation, staleness and sources.");

        group.MapGet("/export", Export)
            .RequireAuthorization(Policies.Staff)
            .Audited("jurisdiction.export", "Jurisdiction")
            .WithSummary("The whole registry as a JSON file in the import format.");

        group.MapPost("/import", Import)
            .RequireAuthorization(Policies.Admin)
            .Audited("jurisdiction.import", "Jurisdiction")
            .Accepts<JurisdictionRegistryDocument>("application/json")
            .WithSummary("Import a registry file (reason required as ?reason=). All or nothing: one wrong entry changes nothing and the 400 names entries[i].field. Importing the same file again changes nothing. " +
                "An entry whose change refuses supply is not applied: it becomes a pending proposal a second administrator approves (listed in proposed), as a single edit would; the other entries apply.");

        group.MapPost("/preview", Preview)
            .RequireAuthorization(Policies.Admin)
            .Audited("jurisdiction.preview", "Jurisdiction")
            .WithSummary("What saving an edit would do, saving nothing: the active patients of your clinic whose legal status or supply changes and how (others counted), and whether it refuses supply and so needs a second administrator.");

        group.MapGet("/proposals", Proposals)
            .RequireAuthorization(Policies.Admin)
            .Audited("jurisdiction.proposals", "JurisdictionProposal")
            .WithSummary("Registry changes that refuse supply: status=Pending (default), Approved, Rejected or all; newest first.");

        group.MapGet("/proposals/{proposalId:long}", GetProposal)
            .RequireAuthorization(Policies.Admin)
            .Audited("jurisdiction.proposal-read", "JurisdictionProposal")
            .WithSummary("One proposal with its concurrency stamp and, while pending, the patients it would affect if approved now.");

        group.MapPost("/proposals/{proposalId:long}/approve", Approve)
            .RequireAuthorization(Policies.Admin)
            .Audited("jurisdiction.approve", "JurisdictionProposal")
            .WithSummary("A second administrator applies a pending change (concurrencyStamp required). 403 for the administrator who proposed it; 409 when it or its entry changed.");

        group.MapPost("/proposals/{proposalId:long}/reject", Reject)
            .RequireAuthorization(Policies.Admin)
            .Audited("jurisdiction.reject", "JurisdictionProposal")
            .WithSummary("Reject a pending change (concurrencyStamp and reason required); the registry is not changed.");

        group.MapGet("/{id}", Get)
            .RequireAuthorization(Policies.Staff)
            .Audited("jurisdiction.read", "Jurisdiction")
            .WithSummary("One entry with its concurrency stamp and history (newest first).");

        group.MapPost("/", Create)
            .RequireAuthorization(Policies.Admin)
            .Audited("jurisdiction.create", "Jurisdiction")
            .WithSummary("Add an entry (reason required). 400 names each wrong field; 409 when the id exists. 202 with the proposal when the entry refuses supply (a ban, a minimum age, an exclusion, a 7-OH limit): a second administrator approves it.");

        group.MapPut("/{id}", Update)
            .RequireAuthorization(Policies.Admin)
            .Audited("jurisdiction.update", "Jurisdiction")
            .WithSummary("Change an entry (reason and concurrencyStamp required). 409 when it changed since you read it. 202 with the proposal when the change refuses supply: nothing changes until a second administrator approves it.");

        return app;
    }

    private static async Task<Results<Ok<JurisdictionListPage>, ValidationProblem>> List(
        ClaimsPrincipal user, JurisdictionRegistry registry, ClinicCalendar calendar, CancellationToken ct,
        string? q = null, string? country = null, string? subdivision = null, string? status = null,
        bool? staleOnly = null, string? sort = null, int? page = null, int? pageSize = null, bool? changedRecently = null)
    {
        var (query, errors) = JurisdictionQuery.From(q, country, subdivision, status, staleOnly, sort, page, pageSize, changedRecently);
        if (query is null)
        {
            return ProblemResponses.Invalid(errors);
        }

        var today = await calendar.TodayAsync(user.ClinicIdOf(), ct);
        return TypedResults.Ok(await registry.ListAsync(query, today, ct));
    }

    private static async Task<Results<Ok<JurisdictionDetail>, ProblemHttpResult>> Get(
        string id, ClaimsPrincipal user, HttpContext http, JurisdictionRegistry registry, ClinicCalendar calendar, CancellationToken ct)
    {
        http.Audit().ResourceId = id;
        var detail = await DetailAsync(registry, calendar, id, user, ct);
        return detail is null ? ProblemResponses.Problem(StatusCodes.Status404NotFound) : TypedResults.Ok(detail);
    }

    private static async Task<Results<Created<JurisdictionDetail>, Accepted<JurisdictionProposalView>, ValidationProblem, ProblemHttpResult>> Create(
        JurisdictionEditRequest request, ClaimsPrincipal user, HttpContext http, JurisdictionRegistry registry, ClinicCalendar calendar, CancellationToken ct)
    {
        var outcome = await registry.CreateAsync(request.Entry, request.Reason, Author(user), ct, () => http.Audit().Action = ProposeAction);
        http.Audit().ResourceId = outcome.Record?.Id;
        if (outcome.Pending)
        {
            return Proposed(http, outcome.Proposal!);
        }

        return outcome.Outcome.Succeeded
            ? TypedResults.Created($"/api/jurisdictions/{Uri.EscapeDataString(outcome.Record!.Id)}", await DetailAsync(registry, calendar, outcome.Record!.Id, user, ct))
            : outcome.Outcome.ToProblem();
    }

    private static async Task<Results<Ok<JurisdictionDetail>, Accepted<JurisdictionProposalView>, ValidationProblem, ProblemHttpResult>> Update(
        string id, JurisdictionEditRequest request, ClaimsPrincipal user, HttpContext http, JurisdictionRegistry registry, ClinicCalendar calendar, CancellationToken ct)
    {
        http.Audit().ResourceId = id;
        var outcome = await registry.UpdateAsync(id, request.Entry, request.Reason, request.ConcurrencyStamp, Author(user), ct, () => http.Audit().Action = ProposeAction);
        if (outcome.Pending)
        {
            return Proposed(http, outcome.Proposal!);
        }

        return outcome.Outcome.Succeeded ? TypedResults.Ok((await DetailAsync(registry, calendar, id, user, ct))!) : outcome.Outcome.ToProblem();
    }

    private static async Task<Results<Ok<JurisdictionEvaluation>, ValidationProblem>> Evaluate(
        ClaimsPrincipal user, JurisdictionRegistry registry, ClinicCalendar calendar, CancellationToken ct,
        string? country = null, string? subdivision = null, string? locality = null, string? on = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        DateOnly? day = null;
        if (on is not null)
        {
            if (DateOnly.TryParseExact(on.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                && parsed.Year is >= EarliestOn and <= LatestOn)
            {
                day = parsed;
            }
            else
            {
                errors["on"] = [$"A day as yyyy-MM-dd between {EarliestOn}-01-01 and {LatestOn}-12-31, or leave it out for today in your clinic."];
            }
        }

        var c = country?.Trim().ToUpperInvariant();
        var s = string.IsNullOrWhiteSpace(subdivision) ? null : subdivision.Trim().ToUpperInvariant();
        var l = string.IsNullOrWhiteSpace(locality) ? null : locality.Trim();
        if (!JurisdictionCodes.IsCountry(c))
        {
            errors["country"] = ["Required: an ISO 3166-1 alpha-2 code, e.g. US or TH."];
        }

        if (s is not null && (!JurisdictionCodes.IsSubdivision(s) || (c is not null && !JurisdictionCodes.SubdivisionIsIn(s, c))))
        {
            errors["subdivision"] = ["An ISO 3166-2 code inside the country, e.g. US-LA."];
        }

        if (l is not null && (s is null || l.Length > JurisdictionModel.LocalityLength))
        {
            errors["locality"] = [$"A city or county name (up to {JurisdictionModel.LocalityLength} characters) with its subdivision."];
        }

        if (errors.Count > 0)
        {
            return ProblemResponses.Invalid(errors);
        }

        var today = day ?? await calendar.TodayAsync(user.ClinicIdOf(), ct);
        var location = new PatientLocation(c!, s, l);
        var applicable = await registry.EvaluateAsync(location, today, ct);
        return TypedResults.Ok(JurisdictionEvaluation.From(applicable, location, today, registry.StaleAfterDays));
    }

    private static async Task<Ok<JurisdictionRegistryDocument>> Export(
        ClaimsPrincipal user, HttpContext http, JurisdictionRegistry registry, ClinicCalendar calendar, CancellationToken ct)
    {
        var today = await calendar.TodayAsync(user.ClinicIdOf(), ct);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"jurisdictions-{JurisdictionMapping.Day(today)}.json\"";
        return TypedResults.Ok(await registry.ExportAsync(today, ct));
    }

    private static async Task<Results<Ok<JurisdictionImportResult>, ValidationProblem, ProblemHttpResult>> Import(
        HttpRequest request, ClaimsPrincipal user, JurisdictionRegistry registry, ClinicCalendar calendar, CancellationToken ct, string? reason = null)
    {
        if (request.ContentLength > MaxImportBytes)
        {
            return ProblemResponses.Problem(StatusCodes.Status413PayloadTooLarge, $"A registry file is at most {MaxImportBytes / 1024 / 1024} MB.");
        }

        using var reader = new StreamReader(request.Body);
        var buffer = new char[MaxImportBytes + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        if (read > MaxImportBytes)
        {
            return ProblemResponses.Problem(StatusCodes.Status413PayloadTooLarge, $"A registry file is at most {MaxImportBytes / 1024 / 1024} MB.");
        }

        var outcome = await registry.ImportAsync(new string(buffer, 0, read), reason, Author(user), ct);
        return outcome.IsValid
            ? TypedResults.Ok(new JurisdictionImportResult(outcome.Created, outcome.Updated, outcome.Unchanged,
                (outcome.Proposed ?? []).Select(p => JurisdictionProposalView.From(p)).ToList()))
            : ProblemResponses.Invalid(outcome.Errors);
    }

    /// <summary>A change that refuses supply was kept pending: 202 naming the proposal (audited as <see cref="ProposeAction"/>).</summary>
    private static Accepted<JurisdictionProposalView> Proposed(HttpContext http, JurisdictionProposal proposal)
    {
        _ = http;
        return TypedResults.Accepted($"/api/jurisdictions/proposals/{proposal.Id}", JurisdictionProposalView.From(proposal));
    }

    private static async Task<Ok<JurisdictionPreviewResult>> Preview(
        JurisdictionPreviewRequest request, ClaimsPrincipal user, HttpContext http, JurisdictionRegistry registry, CancellationToken ct)
    {
        http.Audit().ResourceId = request.Id ?? request.Entry?.Id;
        var preview = await registry.PreviewAsync(request.Id, request.Entry, request.ConcurrencyStamp, ct);
        var result = JurisdictionPreviewResult.From(preview, user.ClinicIdOf());
        http.Audit().Showed(result.Patients.Select(p => p.PatientId));
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<IReadOnlyList<JurisdictionProposalView>>, ValidationProblem>> Proposals(
        JurisdictionRegistry registry, CancellationToken ct, string? status = null)
    {
        string? wanted = status?.Trim() switch
        {
            null or "" or JurisdictionProposalStatus.Pending => JurisdictionProposalStatus.Pending,
            JurisdictionProposalStatus.Approved => JurisdictionProposalStatus.Approved,
            JurisdictionProposalStatus.Rejected => JurisdictionProposalStatus.Rejected,
            "all" => null,
            _ => "?",
        };
        if (wanted == "?")
        {
            return ProblemResponses.Invalid(new Dictionary<string, string[]> { ["status"] = ["Pending, Approved, Rejected or all."] });
        }

        return TypedResults.Ok<IReadOnlyList<JurisdictionProposalView>>((await registry.ProposalsAsync(wanted, ct)).Select(p => JurisdictionProposalView.From(p)).ToList());
    }

    private static async Task<Results<Ok<JurisdictionProposalView>, ProblemHttpResult>> GetProposal(
        long proposalId, ClaimsPrincipal user, HttpContext http, JurisdictionRegistry registry, CancellationToken ct)
    {
        http.Audit().ResourceId = proposalId.ToString(CultureInfo.InvariantCulture);
        var proposal = await registry.FindProposalAsync(proposalId, ct);
        if (proposal is null)
        {
            return ProblemResponses.Problem(StatusCodes.Status404NotFound);
        }

        JurisdictionPreviewResult? preview = null;
        if (proposal.Status == JurisdictionProposalStatus.Pending && await registry.PreviewProposalAsync(proposal, ct) is { Outcome.Succeeded: true } p)
        {
            preview = JurisdictionPreviewResult.From(p, user.ClinicIdOf());
            http.Audit().Showed(preview.Patients.Select(a => a.PatientId));
        }

        return TypedResults.Ok(JurisdictionProposalView.From(proposal, preview));
    }

    private static async Task<Results<Ok<JurisdictionProposalView>, ValidationProblem, ProblemHttpResult>> Approve(
        long proposalId, JurisdictionProposalDecision decision, ClaimsPrincipal user, HttpContext http, JurisdictionRegistry registry, CancellationToken ct)
    {
        http.Audit().ResourceId = proposalId.ToString(CultureInfo.InvariantCulture);
        var outcome = await registry.ApproveAsync(proposalId, decision.ConcurrencyStamp, Author(user), ct);
        return outcome.Outcome.Succeeded ? TypedResults.Ok(JurisdictionProposalView.From(outcome.Proposal!)) : outcome.Outcome.ToProblem();
    }

    private static async Task<Results<Ok<JurisdictionProposalView>, ValidationProblem, ProblemHttpResult>> Reject(
        long proposalId, JurisdictionProposalDecision decision, ClaimsPrincipal user, HttpContext http, JurisdictionRegistry registry, CancellationToken ct)
    {
        http.Audit().ResourceId = proposalId.ToString(CultureInfo.InvariantCulture);
        var outcome = await registry.RejectAsync(proposalId, decision.ConcurrencyStamp, decision.Reason, Author(user), ct);
        return outcome.Succeeded ? TypedResults.Ok(JurisdictionProposalView.From((await registry.FindProposalAsync(proposalId, ct))!)) : outcome.ToProblem();
    }

    internal static ChangeAuthor Author(ClaimsPrincipal user) => new(user.UserId(), user.Identity?.Name);

    internal static async Task<JurisdictionDetail?> DetailAsync(JurisdictionRegistry registry, ClinicCalendar calendar, string id, ClaimsPrincipal user, CancellationToken ct)
    {
        var record = await registry.FindAsync(id, ct);
        if (record is null)
        {
            return null;
        }

        var entry = JurisdictionMapping.ToEntry(record);
        var today = await calendar.TodayAsync(user.ClinicIdOf(), ct);
        var proposals = (await registry.ProposalsOfEntryAsync(id, ct)).ToDictionary(p => p.Id);
        var history = (await registry.HistoryAsync(id, ct))
            .Select(h => new JurisdictionHistoryItem(h.Id, h.Kind, h.ChangedAt, h.ChangedBy, h.Reason,
                JurisdictionMapping.FromJson(h.Before), JurisdictionMapping.FromJson(h.After),
                h.ProposalId is { } pid && proposals.TryGetValue(pid, out var p) ? p.ProposedBy : null,
                h.ProposalId is { } pid2 && proposals.TryGetValue(pid2, out var p2) ? p2.ProposedAt : null))
            .ToList();
        var pending = proposals.Values.Where(p => p.Status == JurisdictionProposalStatus.Pending).OrderByDescending(p => p.Id)
            .Select(p => JurisdictionProposalView.From(p)).ToList();
        return new JurisdictionDetail(JurisdictionMapping.ToData(entry), registry.Summarize(entry, today), record.ConcurrencyStamp, record.UpdatedAt, history, pending);
    }
}
