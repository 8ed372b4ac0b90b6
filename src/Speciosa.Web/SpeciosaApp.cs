using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Speciosa.Web.Alerts;
using Speciosa.Web.Audit;
using Speciosa.Web.CarePlans;
using Speciosa.Web.Clinics;
using Speciosa.Web.Components;
using Speciosa.Web.Data;
using Speciosa.Web.Demo;
using Speciosa.Web.Documents;
using Speciosa.Web.DrugTesting;
using Speciosa.Web.Fhir;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Jurisdictions;
using Speciosa.Web.Liver;
using Speciosa.Web.Medicines;
using Speciosa.Web.MentalHealth;
using Speciosa.Web.Patients;
using Speciosa.Web.Portal;
using Speciosa.Web.Products;
using Speciosa.Web.Regimens;
using Speciosa.Web.Reminders;
using Speciosa.Web.Research;
using Speciosa.Web.Safety;
using Speciosa.Web.Treatment;
using Speciosa.Web.Vitals;
using Speciosa.Web.Withdrawal;

namespace Speciosa.Web;

/// <summary>Builds and starts the Speciosa host. Program.cs and the tests use the same path, so what
/// the tests start is what a clinic runs.</summary>
public static class SpeciosaApp
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>The features this host runs: the kernel first (clinics, identity, audit, patients, alerts), then the
    /// clinical features. Each adds its own services and maps its own endpoints; their pages are routed by assembly.</summary>
    private static readonly IFeature[] Features =
    [
        new ClinicsFeature(),
        new IdentityFeature(),
        new AuditFeature(),
        new PatientsFeature(),
        new AlertsFeature(),
        new DocumentsFeature(),
        new WithdrawalFeature(),
        new ProductsFeature(),
        new JurisdictionsFeature(),
        new RegimensFeature(),
        new LiverFeature(),
        new DrugTestingFeature(),
        new MedicinesFeature(),
        new SafetyFeature(),
        new TreatmentFeature(),
        new VitalsFeature(),
        new MentalHealthFeature(),
        new FhirFeature(),
        new ResearchFeature(),
        new PortalFeature(),
        new CarePlansFeature(),
        new RemindersFeature(),
        new Speciosa.Web.Rounds.RoundsFeature(),
        new Speciosa.Web.Appointments.AppointmentsFeature(),
    ];

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
        services.AddBehindProxy(configuration);
        services.AddOpenApi(o => o.AddInputLimits());
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
        services.AddSingleton(sp => KeyRingKey.Load(configuration, sp.GetRequiredService<IHostEnvironment>()));
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o =>
            {
                o.XmlRepository = sp.GetRequiredService<IXmlRepository>();
                o.XmlEncryptor = new KeyRingEncryptor(sp);
            }));

        services.AddScoped<DemoClinic>();
        foreach (var feature in Features)
        {
            feature.Add(services, configuration);
        }
    }

    private static void UsePipeline(WebApplication app)
    {
        app.UseBehindProxy(app.Configuration);
        app.UseRelativeRedirects();
        app.UseSpeciosaProblemDetails();
        app.UseBrowserErrorPages();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment() && app.Configuration.GetValue("Security:Hsts", false))
        {
            app.UseHsts();
        }

        app.UseRouting();
        app.RouteAgainWithoutContentType();
        app.UseIdempotencyBuffering();
        app.UseSharedSignInLimit();
        app.UseAuthentication();
        app.UseMiddleware<AuditMiddleware>();
        app.UseMiddleware<TwoFactorGate>();
        app.UseMiddleware<ConsentGate>();
        app.UseAuthorization();
        app.RefuseHeldContentType();
        app.UseAntiforgery();
        app.UseMiddleware<PatientBannerLoading>();

        app.MapStaticAssets().AllowAnonymous().WithMetadata(new StaticFileMarker());
        app.MapSpeciosaHealth();
        app.MapOpenApi().Audited("api.describe", "OpenApiDocument");
        foreach (var feature in Features)
        {
            feature.Map(app);
        }

        app.MapRazorComponents<App>();
    }

    /// <summary>Applies migrations, loads the shipped jurisdiction registry into an empty table, then seeds the demo clinic or prints the first-administrator link.</summary>
    public static async Task InitializeAsync(WebApplication app, TextWriter console, CancellationToken ct = default)
    {
        // Refuse to start without the key that encrypts the key ring, before anything is written.
        app.Services.GetRequiredService<KeyRingKey>();
        // Instances starting at once on one database migrate and seed it in turn: the first does the work, the others
        // find it done (issue 18 item 9).
        await using var turn = await StartUpLock.HoldAsync(app.Services.GetRequiredService<DatabaseOptions>(), ct);
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

            await app.Services.GetRequiredService<AuditAnchors>().CheckpointAsync(ct);
            return;
        }

        await app.Services.GetRequiredService<AuditAnchors>().CheckpointAsync(ct);

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
