using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Speciosa.Web.Http;

namespace Speciosa.Web.Identity;

/// <summary>Accounts, roles and policies, cookie sign-in and personal access tokens, first-administrator setup.</summary>
public sealed class IdentityFeature : IFeature
{
    /// <summary>The default scheme: a bearer token when the request carries one, else the session cookie.</summary>
    public const string SmartScheme = "Speciosa";

    public void Add(IServiceCollection services, IConfiguration configuration)
    {
        var idleMinutes = configuration.GetValue("Security:IdleTimeoutMinutes", 20);
        services.AddIdentityCore<UserAccount>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                // No account lockout: failures slow the failing source only (SignInThrottle), so a guesser cannot lock
                // a person out.
                o.Lockout.AllowedForNewUsers = false;
                o.User.RequireUniqueEmail = false;
            })
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddUserStore<UserAccountStore>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<UserAccountClaimsFactory>()
            .AddDefaultTokenProviders();

        services.AddSingleton<TokenPrincipals>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? AccessTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(AccessTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies(c => c.ApplicationCookie?.Configure(o =>
            {
                o.Cookie.Name = "speciosa.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(idleMinutes);
                o.SlidingExpiration = true;
                o.LoginPath = "/account/sign-in";
                o.AccessDeniedPath = "/account/denied";
                o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = UserSessions.ValidatePrincipalAsync;
            }));
        // The page sign-in's second step: which account gave its password, for a few minutes (SignInService).
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = "speciosa.second-step";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = SignInService.SecondStepLifetime;
            o.SlidingExpiration = false;
        });

        // The cookie's own check (UserSessions.ValidatePrincipalAsync) reads the session and the account's stamp on every
        // request, so a role change or deactivation takes effect at once; these options serve Identity's other stamp checks.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.Zero;
            o.OnRefreshingPrincipal = UserSessions.KeepSessionClaim;
        });
        services.AddAuthorization(Policies.Configure);
        services.AddScoped<SignInService>();
        services.AddScoped<UserSessions>();
        services.AddScoped<SignInThrottle>();
        services.AddScoped<AccessTokenIssuer>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<Components.Home.IHomeTile, AccountsHomeTile>();
        services.AddScoped<PasswordChanges>();
        services.AddScoped<TwoFactor>();
        services.Configure<DataProtectionTokenProviderOptions>(o =>
            o.TokenLifespan = TimeSpan.FromHours(configuration.GetValue("Security:PasswordResetHours", 24.0)));
        services.AddScoped<FirstAdministratorSetup>();
    }

    /// <summary>Browsers are sent to the sign-in page; API and FHIR callers get 401/403 problem details (an OperationOutcome for FHIR).</summary>
    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/openapi") || ctx.Request.Path.StartsWithSegments("/fhir"))
        {
            return ProblemResponses.WriteAsync(ctx.HttpContext, status, null);
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapAuthEndpoints();
        app.MapAccessTokenEndpoints();
        app.MapUserAdminEndpoints();
        app.MapAccountFormEndpoints();
        app.MapPasswordEndpoints();
    }
}
