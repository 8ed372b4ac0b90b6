using Microsoft.AspNetCore.Mvc;
using Speciosa.Web.Audit;

namespace Speciosa.Web.Identity;

/// <summary>Form posts from pages that are not Razor forms (the sign-out button in the layout).</summary>
public static class AccountFormEndpoints
{
    public static IEndpointRouteBuilder MapAccountFormEndpoints(this IEndpointRouteBuilder app)
    {
        // Binding a form field makes the endpoint validate the antiforgery token.
        app.MapPost("/account/sign-out", async (HttpContext http, SignInService signIns, [FromForm(Name = "returnUrl")] string? returnUrl) =>
            {
                await signIns.SignOutAsync(http);
                return TypedResults.LocalRedirect("/account/sign-in?signedOut=1");
            })
            .Audited("auth.sign-out", "Session")
            .WithMetadata(new AllowedBeforeTwoFactorAttribute())
            .ExcludeFromDescription();
        return app;
    }
}
