using Microsoft.AspNetCore.Authorization;
using Speciosa.Web.Http;

namespace Speciosa.Web.Identity;

/// <summary>Marks an endpoint a signed-in person may reach before setting up a second factor their role requires
/// (the set-up page itself and signing out).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowedBeforeTwoFactorAttribute : Attribute;

/// <summary>
/// <c>Security:RequireTwoFactorForRoles</c>: a cookie session of a person in such a role without a confirmed second factor
/// reaches only the set-up page (<c>/account/two-factor</c>), sign-out and anonymous endpoints; pages redirect there and
/// the API answers 403. Checked on every request against the database, so a role granted or a factor reset by an Admin
/// takes effect at once. Bearer tokens are not interactive sign-ins and are not held here.
/// </summary>
public sealed class TwoFactorGate(RequestDelegate next)
{
    public const string EnrolPath = "/account/two-factor";

    public async Task InvokeAsync(HttpContext http, TwoFactor twoFactor)
    {
        var endpoint = http.GetEndpoint();
        if (endpoint is null
            || http.User.Identity?.IsAuthenticated != true
            || http.User.FindFirst(SpeciosaClaims.SessionId) is null
            || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
            || endpoint.Metadata.GetMetadata<AllowedBeforeTwoFactorAttribute>() is not null
            || !await twoFactor.MustEnrolAsync(http.User, http.RequestAborted))
        {
            await next(http);
            return;
        }

        if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/openapi") || http.Request.Path.StartsWithSegments("/fhir"))
        {
            await ProblemResponses.WriteAsync(http, StatusCodes.Status403Forbidden,
                $"Your role requires a second factor. Set it up at {EnrolPath} (signed in with this session) before anything else.");
            return;
        }

        http.Response.Redirect(EnrolPath + "?required=1");
    }
}
