using Microsoft.AspNetCore.Authorization;
using Speciosa.Web.Identity;

namespace Speciosa.Web.Portal;

/// <summary>Until a signed-in patient has accepted the current portal consent, every page of theirs redirects to it
/// (<see cref="Path"/>); sign-out, changing the password and anonymous endpoints stay open. The API is not held here: it
/// answers with the data the patient may see, and the pages are where the consent is read.</summary>
public sealed class ConsentGate(RequestDelegate next)
{
    public const string Path = "/my/consent";

    private static readonly string[] Open = [Path, "/account/sign-out", "/account/password", "/account/denied"];

    public async Task InvokeAsync(HttpContext http, PortalAccess portal)
    {
        var endpoint = http.GetEndpoint();
        if (endpoint is null
            || !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsPost(http.Request.Method)
            || http.User.Identity?.IsAuthenticated != true
            || !http.User.IsInRole(SpeciosaRoles.Patient)
            || http.User.FindFirst(SpeciosaClaims.SessionId) is null
            || http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/openapi")
            || Open.Any(p => http.Request.Path.StartsWithSegments(p))
            || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
            || !await portal.NeedsConsentAsync(http.User, http.RequestAborted))
        {
            await next(http);
            return;
        }

        http.Response.Redirect(Path);
    }
}
