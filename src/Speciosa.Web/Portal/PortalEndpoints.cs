using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Speciosa.Clinical.Portal;
using Speciosa.Web.Audit;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;
using Speciosa.Web.Regimens;

namespace Speciosa.Web.Portal;

public sealed record PortalAccepted(Guid UserId, string UserName);

public sealed record ConsentView(int Version, string AsOf, string Title, IReadOnlyList<ConsentSection> Sections);

public sealed record TodayView(DateOnly Day, IReadOnlyList<TodayLine> Items);

public sealed record SideEffectChoicesView(IReadOnlyList<SideEffectChoiceView> SideEffects, IReadOnlyList<SideEffectSeverityView> Severities);

public sealed record SideEffectChoiceView(string Id, string Label);

public sealed record SideEffectSeverityView(string Id, string Label);

public static class PortalEndpoints
{
    public static IEndpointRouteBuilder MapPortalEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapPatientScope("/portal").WithTags("Portal");

        group.MapGet("/", async Task<Ok<PortalStatus>> (VisiblePatient patient, PortalAccess portal, CancellationToken ct) =>
                TypedResults.Ok(await portal.StatusAsync(patient.Record, ct)))
            .WithSummary("The patient's portal access (none, invited until when, or the account's user name) and the consent version accepted, and when.")
            .Audited("portal.status", "PortalInvitation").RequireAuthorization(Policies.Clinical);

        group.MapPost("/invitations", async Task<Results<Created<PortalInvitationIssued>, ProblemHttpResult>> (
                VisiblePatient patient, ClaimsPrincipal user, HttpContext http, IConfiguration configuration, PortalAccess portal, CancellationToken ct) =>
            {
                var (issued, outcome) = await portal.InviteAsync(patient.Record, user.UserId()!.Value, PasswordEndpoints.PublicUrl(http, configuration), ct);
                if (issued is null)
                {
                    return outcome.ToProblem();
                }

                http.Audit().ResourceId = issued.InvitationId.ToString();
                return TypedResults.Created($"/api/patients/{patient.Id}/portal", issued);
            })
            .WithSummary("Issue a one-time invitation link (valid Portal:InvitationHours, default 72) that lets the patient choose a password; " +
                "the link is in this answer only (the token is stored hashed). An earlier open invitation stops working. 409 while the patient has an account.")
            .Audited("portal.invite", "PortalInvitation").RequireAuthorization(Policies.Clinical);

        group.MapPost("/revoke", async Task<Results<NoContent, ProblemHttpResult>> (VisiblePatient patient, ClaimsPrincipal user, PortalAccess portal, CancellationToken ct) =>
            {
                var outcome = await portal.RevokeAsync(patient.Record, user.UserId()!.Value, ct);
                return outcome.Succeeded ? TypedResults.NoContent() : outcome.ToProblem();
            })
            .WithSummary("End the patient's portal access at once: open invitations stop working; the account is deactivated, unlinked, and its sessions end.")
            .Audited("portal.revoke", "PortalInvitation").RequireAuthorization(Policies.Clinical);

        group.MapPost("/account", async Task<Results<NoContent, ProblemHttpResult>> (VisiblePatient patient, PortalLinkRequest request, PortalAccess portal, CancellationToken ct) =>
            {
                var outcome = await portal.LinkAsync(patient.Record, request.UserId, ct);
                return outcome.Succeeded ? TypedResults.NoContent() : outcome.ToProblem();
            })
            .WithSummary("Admin: link an existing, active Patient-role account of the clinic (userId) that is not linked to another record.")
            .Audited("portal.link-account", "Patient").RequireAuthorization(Policies.Admin);

        app.MapPost("/api/portal/accept", async Task<Results<Created<PortalAccepted>, ProblemHttpResult>> (
                PortalAcceptRequest request, HttpContext http, PortalAccess portal, CancellationToken ct) =>
            {
                var (account, outcome) = await portal.AcceptAsync(request, ct);
                if (account is null)
                {
                    return outcome.ToProblem();
                }

                http.Audit().ResourceId = account.Id.ToString();
                return TypedResults.Created("/api/auth/me", new PortalAccepted(account.Id, account.UserName));
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.SignIn)
            .WithTags("Portal")
            .WithSummary("Accept a portal invitation: token, userName, password, confirmPassword. Creates a Patient account bound to the " +
                "invited record; the token then no longer works. Sign in afterwards with /api/auth/sign-in.")
            .Audited("portal.accept", "UserAccount");

        app.MapGet("/api/portal/consent", () => TypedResults.Ok(new ConsentView(ConsentText.Current.Version, ConsentText.Current.AsOf,
                ConsentText.Current.Title, ConsentText.Current.Sections)))
            .WithTags("Portal").WithSummary("The current portal consent text and its version.")
            .Audited("portal.consent-text", "PortalConsent").RequireAuthorization(Policies.PatientRecords);

        app.MapPost("/api/portal/consent", async Task<Results<NoContent, ProblemHttpResult>> (PortalConsentRequest request, ClaimsPrincipal user, PortalAccess portal, CancellationToken ct) =>
            {
                var outcome = await portal.ConsentAsync(user, request, ct);
                return outcome.Succeeded ? TypedResults.NoContent() : outcome.ToProblem();
            })
            .WithTags("Portal").WithSummary("A patient accepts the consent version they read: version, accept (true).")
            .Audited("portal.consent", "PortalConsent").RequireAuthorization(Policies.PatientRecords);

        app.MapGet("/api/portal/today", async Task<Results<Ok<TodayView>, ProblemHttpResult>> (ClaimsPrincipal user, PortalAccess portal, PortalToday today, CancellationToken ct) =>
            {
                if (await portal.OwnRecordAsync(user, ct) is not { } patient)
                {
                    return Outcome.NotFound.ToProblem();
                }

                var (day, lines) = await today.ForAsync(patient, ct);
                return TypedResults.Ok(new TodayView(day, lines));
            })
            .WithTags("Portal").WithSummary("A patient's own list for today: the check-in, craving and doses, each with its link and whether it is done.")
            .Audited("portal.today", "Patient").RequireAuthorization(Policies.PatientRecords);

        MapReports(app);
        return app;
    }

    /// <summary>Issue 14 items 3, 4 and 7: what a patient reports (doses, side effects), their progress, and the staff review queue.</summary>
    private static void MapReports(IEndpointRouteBuilder app)
    {
        var my = app.MapGroup("/api/portal").WithTags("Portal").RequireAuthorization(Policies.PatientRecords);

        my.MapGet("/lots", async Task<Results<Ok<IReadOnlyList<PatientLotChoice>>, ProblemHttpResult>> (
                ClaimsPrincipal user, HttpContext http, PortalAccess portal, PortalReports reports, CancellationToken ct) =>
            {
                if (await portal.OwnRecordAsync(user, ct) is not { } patient)
                {
                    return Outcome.NotFound.ToProblem();
                }

                http.Audit().PatientId = patient.Id;
                return TypedResults.Ok(await reports.LotChoicesAsync(patient, ct));
            })
            .WithSummary("The lots a patient may name when reporting a dose: their own order's released lots (never a recalled one). None: \"I don't know\".")
            .Audited("portal.lots", "Lot");

        my.MapPost("/doses", async Task<Results<Created<PortalReported>, ProblemHttpResult>> (
                PortalDoseRequest request, ClaimsPrincipal user, HttpContext http, PortalAccess portal, PortalReports reports, CancellationToken ct) =>
            {
                if (await portal.OwnRecordAsync(user, ct) is not { } patient)
                {
                    return Outcome.NotFound.ToProblem();
                }

                http.Audit().PatientId = patient.Id;
                var (reported, outcome) = await reports.ReportDoseAsync(patient, user, request, ct);
                if (reported is null)
                {
                    return outcome.ToProblem();
                }

                http.Audit().ResourceId = reported.Id.ToString();
                return TypedResults.Created($"/api/patients/{patient.Id}/doses", reported);
            })
            .Idempotent()
            .WithSummary("A patient reports a dose they took: takenAt (clinic-local yyyy-MM-ddTHH:mm, empty = now), grams, lotId (one of /api/portal/lots, " +
                "or null for \"I don't know\"). Stored as patient-reported, awaiting staff review; it never changes an order or unlocks anything.")
            .Audited("dose.create", "Dose");

        my.MapGet("/side-effects", () => TypedResults.Ok(new SideEffectChoicesView(
                SideEffectList.Default.Choices.Select(c => new SideEffectChoiceView(c.Id, c.Label)).ToList(),
                SideEffectList.Default.Severities.Select(s => new SideEffectSeverityView(s.Id, s.Label)).ToList())))
            .WithSummary("The plain-language side-effect list and severities a patient reports from.")
            .Audited("portal.side-effect-list", "AdverseEvent");

        my.MapPost("/side-effects", async Task<Results<Created<PortalReported>, ProblemHttpResult>> (
                PortalSideEffectRequest request, ClaimsPrincipal user, HttpContext http, PortalAccess portal, PortalReports reports, CancellationToken ct) =>
            {
                if (await portal.OwnRecordAsync(user, ct) is not { } patient)
                {
                    return Outcome.NotFound.ToProblem();
                }

                http.Audit().PatientId = patient.Id;
                var (reported, outcome) = await reports.ReportSideEffectAsync(patient, user, request, ct);
                if (reported is null)
                {
                    return outcome.ToProblem();
                }

                http.Audit().ResourceId = reported.Id.ToString();
                return TypedResults.Created($"/api/patients/{patient.Id}/adverse-events", reported);
            })
            .Idempotent()
            .WithSummary("A patient reports a side effect: sideEffect (an id of /api/portal/side-effects), severity (mild, moderate, severe), otherText " +
                "(for \"other\"), started (clinic day, up to 90 days back), notes. It becomes an adverse-event draft for staff; a liver-injury symptom " +
                "raises the liver-panel alert for staff. The answer says only whether to call the clinic today.")
            .Audited("adverse-event.patient-draft", "AdverseEvent");

        my.MapGet("/progress", async Task<Results<Ok<ProgressView>, ProblemHttpResult>> (
                ClaimsPrincipal user, HttpContext http, PortalAccess portal, PortalProgress progress, CancellationToken ct) =>
            {
                if (await portal.OwnRecordAsync(user, ct) is not { } patient)
                {
                    return Outcome.NotFound.ToProblem();
                }

                http.Audit().PatientId = patient.Id;
                return TypedResults.Ok(await progress.ForAsync(patient, ct));
            })
            .WithSummary("A patient's own progress: withdrawal scores of the last 28 days, the expected course in plain words, the doses they reported, " +
                "and parts other features add. No thresholds, limits, rules or sources.")
            .Audited("portal.progress", "Patient");

        var queue = app.MapGroup("/api/review-queue").WithTags("Portal").RequireAuthorization(Policies.Clinical);

        queue.MapGet("/", async Task<Results<Ok<ListPage<ReviewQueueRow>>, ProblemHttpResult>> (
                ClaimsPrincipal user, ReviewQueue reviews, Guid? patientId, string? state, [AsParameters] PageRequest paging, CancellationToken ct) =>
            {
                var (page, outcome) = await reviews.ListAsync(user, patientId, state, paging.OrSize(25), ct);
                return page is null ? outcome.ToProblem() : TypedResults.Ok(page);
            })
            .WithSummary("The clinic's review queue of everything patients reported (check-ins, doses, side effects, and what other features add), newest " +
                "first: state = awaiting (default), reviewed or all; patientId; page, pageSize (1-100).")
            .Audited("portal.review-queue", "PatientReportReview");

        queue.MapPost("/{kind}/{itemId:guid}", async Task<Results<Ok<ReviewQueueRow>, ProblemHttpResult>> (
                string kind, Guid itemId, ReviewRequest request, ClaimsPrincipal user, HttpContext http, ReviewQueue reviews, CancellationToken ct) =>
            {
                http.Audit().ResourceId = $"{kind}/{itemId}";
                var (row, outcome) = await reviews.ReviewAsync(user, kind, itemId, request, ct);
                if (row is null)
                {
                    return outcome.ToProblem();
                }

                http.Audit().PatientId = row.PatientId;
                return TypedResults.Ok(row);
            })
            .WithSummary("Review one reported item: action accept (note optional; final), comment (note required; stays awaiting) or contact (note " +
                "required: staff will contact the patient); concurrencyStamp as read (null before the first review; a stale one is 409).")
            .Audited("portal.review", "PatientReportReview");
    }
}
