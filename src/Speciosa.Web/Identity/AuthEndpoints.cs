using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Speciosa.Web.Audit;
using Speciosa.Web.Http;

namespace Speciosa.Web.Identity;

/// <summary>A sign-in. <c>Code</c>: for an account with a second factor, the 6-digit code of its authenticator app or one of
/// its recovery codes (each works once).</summary>
public sealed record SignInRequest(string? UserName, string? Password, string? Code = null);

public sealed record CurrentUser(Guid Id, string UserName, string DisplayName, Guid ClinicId, IReadOnlyList<string> Roles);

public static class AuthEndpoints
{
    /// <summary>Same words for a wrong password, an unknown account and a locked account: nothing
    /// about whether the account exists.</summary>
    public const string SignInFailedDetail =
        "The user name or password is wrong, or the account is locked after repeated failed attempts.";

    public const string SecondFactorRequiredDetail =
        "This account has a second factor: send the 6-digit code from its authenticator app (or one of its recovery codes) as 'code'.";

    public const string SecondFactorFailedDetail =
        "The code is wrong or was already used. Enter the newest code from your authenticator app, or an unused recovery code.";

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Sign-in");

        group.MapPost("/sign-in", SignIn)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.SignIn)
            .Audited("auth.sign-in", "Session")
            .WithSummary("Sign in with user name and password (and 'code' when the account has a TOTP second factor); sets the " +
                "session cookie. Personal access tokens are separate credentials and never need a code.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapPost("/sign-out", async (HttpContext http, SignInService signIns) =>
            {
                await signIns.SignOutAsync(http);
                return TypedResults.NoContent();
            })
            .Audited("auth.sign-out", "Session")
            .WithMetadata(new AllowedBeforeTwoFactorAttribute())
            .WithSummary("End the cookie session.");

        group.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new CurrentUser(
                user.UserId() ?? Guid.Empty,
                user.Identity?.Name ?? "",
                user.DisplayNameOf(),
                user.ClinicIdOf() ?? Guid.Empty,
                user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList())))
            .Audited("auth.me", "Session")
            .WithMetadata(new AllowedBeforeTwoFactorAttribute())
            .WithSummary("Who the caller is: id, clinic and roles.");

        return app;
    }

    private static async Task<Results<Ok<CurrentUser>, ProblemHttpResult>> SignIn(
        [FromBody] SignInRequest request, HttpContext http, SignInService signIns,
        Microsoft.AspNetCore.Identity.UserManager<UserAccount> users)
    {
        var outcome = await signIns.SignInAsync(http, request.UserName, request.Password, request.Code);
        if (outcome != SignInOutcome.Succeeded)
        {
            return ProblemResponses.Problem(StatusCodes.Status401Unauthorized, outcome switch
            {
                SignInOutcome.SecondFactorRequired => SecondFactorRequiredDetail,
                SignInOutcome.SecondFactorFailed => SecondFactorFailedDetail,
                _ => SignInFailedDetail,
            });
        }

        var user = (await users.FindByNameAsync(request.UserName!.Trim()))!;
        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new CurrentUser(user.Id, user.UserName, user.DisplayName, user.ClinicId, roles.ToList()));
    }
}
