using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Speciosa.Testing;
using Speciosa.Web.Alerts;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.Treatment;

public sealed class TreatmentPageTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_clinician_records_naloxone_and_a_declined_discussion_and_the_page_shows_both_with_the_kratom_status_line(Database database)
    {
        var server = await servers.On(database);
        var api = await server.SignedInClientAsync("demo.clinician");
        var patientId = await PatientTestData.EnrolAsync(api, "Browser treatment");
        await using var context = await browser.NewContextAsync(server);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.clinician");
        await page.GotoAsync($"/patients/{patientId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Treatment options, overdose prevention and follow-up" }).ClickAsync();

        await Expect(page.Locator("#kratom-status")).ToContainTextAsync("Kratom is not approved for any medical use");
        var yesterday = D(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));
        await page.GetByLabel("Naloxone supplied").CheckAsync();
        await page.Locator("#prevention-on").FillAsync(yesterday);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();
        await Expect(page.Locator("#saved")).ToHaveTextAsync("Overdose prevention recorded.");
        await Expect(page.Locator("#prevention-facts")).ToContainTextAsync($"Naloxone supplied: {yesterday}");

        await page.GetByLabel("Regimen review").CheckAsync();
        await page.Locator("#discussed-on").FillAsync(yesterday);
        await page.GetByLabel("Buprenorphine", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Methadone", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("declined", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the discussion" }).ClickAsync();
        await Expect(page.Locator("#reason-problem")).ToContainTextAsync("The patient's reason");

        await page.GetByLabel("The patient's reason").FillAsync("Prefers to finish the taper first");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the discussion" }).ClickAsync();
        await Expect(page.Locator("#saved")).ToHaveTextAsync("Discussion recorded.");
        await Expect(page.Locator("#discussions")).ToContainTextAsync("Prefers to finish the taper first");
        await BrowserSession.ScreenshotAsync(page, $"treatment-page-{database}");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_patient_on_a_phone_sees_the_tolerance_warning_after_the_taper_reaches_zero_in_plain_words(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var name = "portal." + Guid.NewGuid().ToString("N")[..8];
        Guid userId;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Speciosa.Web.Data.SpeciosaDbContext>();
            var clinicId = await db.Clinics.Where(c => c.IsDemo).Select(c => c.Id).FirstAsync();
            var (user, _) = await scope.ServiceProvider.GetRequiredService<Speciosa.Web.Identity.UserAdministration>()
                .CreateAsync(clinicId, new Speciosa.Web.Identity.NewUser(name, "Portal Patient", null, SpeciosaServer.DemoPassword, [Speciosa.Web.Identity.SpeciosaRoles.Patient]), null, "test");
            userId = user!.Id;
        }

        var patientId = await PatientTestData.EnrolAsync(clinician, "Tolerance", userId);
        var today = DateOnly.Parse((await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/treatment")).GetProperty("today").GetString()!,
            System.Globalization.CultureInfo.InvariantCulture);
        var (productId, lotId) = await RegimenTestData.LeafLotAsync(clinician);
        var created = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/regimens", new
        {
            productId, lotId, gramsPerAdministration = 2m, maxAdministrationsPerDay = 3, maxGramsPerDay = 6m, startDate = D(today.AddDays(-1)),
            taper = new { entries = new[] { new { startsOn = D(today.AddDays(-1)), gramsPerDay = 2m }, new { startsOn = D(today), gramsPerDay = 0m } } },
            reason = "Test order", confirmLegalWarning = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        await using var context = await browser.NewContextAsync(server, width: 375, height: 800);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, name);
        await BrowserSession.GiveConsentAsync(page);
        await page.GotoAsync($"/patients/{patientId}");

        await Expect(page.Locator("#tolerance-warning")).ToContainTextAsync("Your body may have lost some of its tolerance");
        await Expect(page.Locator("#overdose-education")).ToContainTextAsync("naloxone");
        await Expect(page.Locator("#staying-safe")).Not.ToContainTextAsync("overdose.tolerance");
        await Expect(page.Locator("#staying-safe")).Not.ToContainTextAsync("UNCONFIRMED");
        await BrowserSession.ExpectFitsWidthAsync(page, "The patient's overview with the overdose education scrolls sideways on a 375 px phone.");
        await BrowserSession.ScreenshotAsync(page, $"tolerance-warning-phone-{database}");

        await page.GotoAsync($"/patients/{patientId}/regimen");
        await Expect(page.Locator("#kratom-status")).ToHaveTextAsync(Speciosa.Clinical.Regimens.KratomStatus.Default.Patient);
        await BrowserSession.ExpectFitsWidthAsync(page, "The patient's regimen page scrolls sideways on a 375 px phone.");
    }
}
