using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Speciosa.Web.Audit;
using Speciosa.Web.Http;

namespace Speciosa.Web.Identity;

public sealed record SignInRequest(string? UserName, string? Password);

public sealed record CurrentUser(Guid Id, string UserName, string DisplayName, Guid ClinicId, IReadOnlyList<string> Roles);

public static class AuthEndpoints
{
    /// <summary>Same words for a wrong password, an unknown account and a locked account: nothing
    /// about whether the account exists.</summary>
    public const string SignInFailedDetail =
        "The user name or password is wrong, or the account is locked after repeated failed attempts.";

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Sign-in");

        group.MapPost("/sign-in", SignIn)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.SignIn)
            .Audited("auth.sign-in", "Session")
            .WithSummary("Sign in with user name and password; sets the session cookie.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapPost("/sign-out", async (HttpContext http, SignInService signIns) =>
            {
                await signIns.SignOutAsync(http);
                return TypedResults.NoContent();
            })
            .Audited("auth.sign-out", "Session")
            .WithSummary("End the cookie session.");

        group.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new CurrentUser(
                user.UserId() ?? Guid.Empty,
                user.Identity?.Name ?? "",
                user.DisplayNameOf(),
                user.ClinicIdOf() ?? Guid.Empty,
                user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList())))
            .Audited("auth.me", "Session")
            .WithSummary("Who the caller is: id, clinic and roles.");

        return app;
    }

    private static async Task<Results<Ok<CurrentUser>, ProblemHttpResult>> SignIn(
        [FromBody] SignInRequest request, HttpContext http, SignInService signIns,
        Microsoft.AspNetCore.Identity.UserManager<UserAccount> users)
    {
        var outcome = await signIns.SignInAsync(http, request.UserName, request.Password);
        if (outcome != SignInOutcome.Succeeded)
        {
            return ProblemResponses.Problem(StatusCodes.Status401Unauthorized, SignInFailedDetail);
        }

        var user = (await users.FindByNameAsync(request.UserName!.Trim()))!;
        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new CurrentUser(user.Id, user.UserName, user.DisplayName, user.ClinicId, roles.ToList()));
    }
}
