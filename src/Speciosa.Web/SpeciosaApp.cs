using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Speciosa.Web.Audit;
using Speciosa.Web.Components;
using Speciosa.Web.Data;
using Speciosa.Web.Demo;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;
using Speciosa.Web.Products;
using Speciosa.Web.Jurisdictions;
using Speciosa.Web.Regimens;

namespace Speciosa.Web;

/// <summary>Builds and starts the Speciosa host. Program.cs and the tests use the same path, so what
/// the tests start is what a clinic runs.</summary>
public static class SpeciosaApp
{
    public const string DefaultUrl = "http://localhost:5080";
    public const string SmartScheme = "Speciosa";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var demo = args.Contains("--demo", StringComparer.Ordinal);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args.Where(a => a != "--demo").ToArray(),
            ApplicationName = typeof(SpeciosaApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (demo)
        {
            builder.Configuration["Demo:Enabled"] = "true";
            // The demo keeps its own database file so it never mixes with a real clinic's data.
            if (string.IsNullOrEmpty(builder.Configuration["Database:SqlitePath"]))
            {
                builder.Configuration["Database:SqlitePath"] = Path.Combine("data", "speciosa-demo.db");
            }
        }

        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.UseStaticWebAssets();
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        configure?.Invoke(builder);
        AddServices(builder.Services, builder.Configuration);
        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSpeciosaDatabase(configuration);
        services.AddSpeciosaProblemDetails();
        services.AddSpeciosaJson();
        services.AddSpeciosaHealthChecks();
        services.AddSpeciosaRateLimits(configuration);
        services.AddOpenApi();
        services.AddHttpContextAccessor();
        services.AddRazorComponents();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "speciosa.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.Section));

        services.AddSingleton<IXmlRepository, DatabaseKeyRepository>();
        services.AddDataProtection().SetApplicationName("Speciosa");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = sp.GetRequiredService<IXmlRepository>()));

        AddIdentity(services, configuration);

        services.AddSingleton<AuditTrail>();
        services.AddScoped<AuditChainVerifier>();
        services.AddScoped<SignInService>();
        services.AddScoped<AccessTokenIssuer>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<FirstAdministratorSetup>();
        services.AddScoped<DemoClinic>();
        services.AddScoped<Clinics.ClinicCalendar>();
        services.AddScoped<PatientRecords>();
        services.AddScoped<WithdrawalRecords>();
        services.Configure<ProductOptions>(configuration.GetSection(ProductOptions.Section));
        services.AddScoped<LotQuality>();
        services.AddScoped<LotRelease>();
        services.AddScoped<ProductService>();
        services.AddScoped<CoaCsvImport>();
        services.Configure<JurisdictionOptions>(configuration.GetSection(JurisdictionOptions.Section));
        services.AddScoped<JurisdictionRegistry>();
        services.AddScoped<IJurisdictionRegistryChangeHandler, PatientLegalStatusAlerts>();
        services.AddScoped<LegalCheck>();
        services.AddScoped<Alerts.AlertWorklist>();
        services.AddSingleton<Labs.LiverSettings>();
        services.TryAddScoped<Safety.IRegimenStatus, Regimens.RegimenBackedStatus>();
        services.AddScoped<Labs.LiverReview>();
        services.AddScoped<Labs.LabRecords>();
        services.AddScoped<Labs.RucamReview>();
        services.AddScoped<Safety.PregnancyReview>();
        services.AddScoped<Safety.AdverseEvents>();
        services.AddScoped<Medicines.MedicineScreeningService>();
        services.AddScoped<Safety.SafetySweep>();
        services.AddHostedService<Safety.SafetyMonitor>();
        services.AddRegimens(configuration);
    }

    private static void AddIdentity(IServiceCollection services, IConfiguration configuration)
    {
        var idleMinutes = configuration.GetValue("Security:IdleTimeoutMinutes", 20);
        services.AddIdentityCore<UserAccount>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Security:MaxFailedSignIns", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Security:LockoutMinutes", 15));
                o.User.RequireUniqueEmail = false;
            })
            .AddUserStore<UserAccountStore>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<UserAccountClaimsFactory>()
            .AddDefaultTokenProviders();

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
            }));

        // Check the account on every cookie request: a role change or deactivation takes effect at once.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddAuthorization(Policies.Configure);
    }

    /// <summary>Browsers are sent to the sign-in page; API callers get 401/403 problem details.</summary>
    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/openapi"))
        {
            return ProblemResponses.WriteAsync(ctx.HttpContext, status, null);
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private static void UsePipeline(WebApplication app)
    {
        app.UseSpeciosaProblemDetails();
        app.UseBrowserErrorPages();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment() && app.Configuration.GetValue("Security:Hsts", false))
        {
            app.UseHsts();
        }

        app.UseRouting();
        app.UseIdempotencyBuffering();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<AuditMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous().WithMetadata(new StaticFileMarker());
        app.MapSpeciosaHealth();
        app.MapOpenApi().Audited("api.describe", "OpenApiDocument");
        app.MapAuthEndpoints();
        app.MapAccessTokenEndpoints();
        app.MapUserAdminEndpoints();
        app.MapAuditEndpoints();
        app.MapAccountFormEndpoints();
        app.MapPatientEndpoints();
        app.MapProductEndpoints();
        app.MapJurisdictionEndpoints();
        Alerts.AlertEndpoints.MapAlertEndpoints(app);
        Labs.LabEndpoints.MapLabEndpoints(app);
        Safety.AdverseEventEndpoints.MapAdverseEventEndpoints(app);
        Medicines.MedicineEndpoints.MapMedicineEndpoints(app);
        app.MapRegimenEndpoints();
        app.MapRazorComponents<App>();
    }

    /// <summary>Applies migrations, loads the shipped jurisdiction registry into an empty table, then seeds the demo clinic or prints the first-administrator link.</summary>
    public static async Task InitializeAsync(WebApplication app, TextWriter console, CancellationToken ct = default)
    {
        await DatabaseSetup.MigrateAsync(app.Services, ct);
        await JurisdictionRegistry.SeedAsync(app.Services, ct);
        await using var scope = app.Services.CreateAsyncScope();
        var demo = scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (demo.Enabled)
        {
            var lines = await scope.ServiceProvider.GetRequiredService<DemoClinic>().SeedAsync(demo, ct);
            if (lines is not null)
            {
                await console.WriteLineAsync("DEMO clinic created (made-up people only). Sign-ins, shown this once:");
                foreach (var line in lines)
                {
                    await console.WriteLineAsync(line);
                }

                await console.WriteLineAsync("Delete the demo database file to start the demo afresh.");
            }

            return;
        }

        var setup = scope.ServiceProvider.GetRequiredService<FirstAdministratorSetup>();
        if (await setup.IsNeededAsync(ct))
        {
            var token = await setup.IssueTokenAsync(ct);
            var baseUrl = (app.Urls.FirstOrDefault() ?? app.Configuration["urls"] ?? DefaultUrl).Split(';')[0].TrimEnd('/');
            await console.WriteLineAsync("No accounts yet. Create the first administrator with this one-time link:");
            await console.WriteLineAsync($"  {baseUrl}/setup?token={Uri.EscapeDataString(token)}");
        }
    }

    /// <summary>Whether to render the DEMO marker: set when a demo clinic exists in this database.</summary>
    public static bool IsDemo(IConfiguration configuration) => configuration.GetValue("Demo:Enabled", false);
}
