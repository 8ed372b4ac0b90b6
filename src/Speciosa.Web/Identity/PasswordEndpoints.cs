using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Audit;
using Speciosa.Web.Data;
using Speciosa.Web.Http;

namespace Speciosa.Web.Identity;

/// <summary>Changing one's own password, an Admin's one-time reset link, and setting a password through it.</summary>
public static class PasswordEndpoints
{
    public static IEndpointRouteBuilder MapPasswordEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/account/password", async Task<Results<NoContent, ValidationProblem>> (
                [FromBody] PasswordChangeRequest request, ClaimsPrincipal user, HttpContext http, PasswordChanges passwords) =>
            {
                http.Audit().ResourceId = user.UserId()?.ToString();
                var errors = await passwords.ChangeOwnAsync(user, request);
                return errors.Count > 0 ? ProblemResponses.Invalid(errors) : TypedResults.NoContent();
            })
            .RequireAuthorization()
            .RequireRateLimiting(RateLimits.SignIn)
            .WithTags("Account")
            .Audited("password.change", "UserAccount")
            .WithSummary("Change your own password (current, new, and the new one again). Every session of the account ends, " +
                "this one included: sign in again with the new password. Access tokens keep working.");

        app.MapPost("/api/admin/users/{id:guid}/password-reset", async Task<Results<Ok<PasswordResetLink>, ProblemHttpResult>> (
                Guid id, ClaimsPrincipal user, HttpContext http, SpeciosaDbContext db, PasswordChanges passwords, IConfiguration configuration,
                CancellationToken ct) =>
            {
                var clinicId = user.ClinicIdOf();
                var target = await db.Users.FirstOrDefaultAsync(u => u.Id == id && u.ClinicId == clinicId && u.IsActive, ct);
                if (target is null)
                {
                    return ProblemResponses.Problem(StatusCodes.Status404NotFound, "No active account with this id in your clinic.");
                }

                http.Audit().ResourceId = id.ToString();
                return TypedResults.Ok(await passwords.IssueResetAsync(target, PublicUrl(http, configuration)));
            })
            .RequireAuthorization(Policies.Admin)
            .WithTags("Users")
            .Audited("password.reset-issue", "UserAccount")
            .WithSummary("Issue a one-time link (valid Security:PasswordResetHours) that lets the account's owner choose a new password. " +
                "An earlier link and the account's sessions stop working. Hand the link to the person; Speciosa never shows their password.");

        app.MapPost("/api/auth/password-reset", async Task<Results<NoContent, ValidationProblem>> (
                [FromBody] PasswordResetRequest request, HttpContext http, PasswordChanges passwords) =>
            {
                http.Audit().ResourceId = request.UserId?.ToString();
                http.Audit().UserId = request.UserId;
                var errors = await passwords.ResetAsync(request);
                return errors.Count > 0 ? ProblemResponses.Invalid(errors) : TypedResults.NoContent();
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.SignIn)
            .WithTags("Sign-in")
            .Audited("password.reset", "UserAccount")
            .WithSummary("Choose a new password with a reset link's user id and token. A used, replaced or expired link is a 400 on 'token'.");

        return app;
    }

    /// <summary>Where people reach Speciosa (<c>Security:PublicUrl</c>), else the address of the Admin's own request.</summary>
    public static string PublicUrl(HttpContext http, IConfiguration configuration) =>
        configuration["Security:PublicUrl"] is { Length: > 0 } configured ? configured : $"{http.Request.Scheme}://{http.Request.Host}";
}
