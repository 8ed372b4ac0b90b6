using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Speciosa.Clinical.Portal;
using Speciosa.Web.Audit;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Portal;

public sealed record PortalAccepted(Guid UserId, string UserName);

public sealed record ConsentView(int Version, string AsOf, string Title, IReadOnlyList<ConsentSection> Sections);

public sealed record TodayView(DateOnly Day, IReadOnlyList<TodayLine> Items);

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

        return app;
    }
}
