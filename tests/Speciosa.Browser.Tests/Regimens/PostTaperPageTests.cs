using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;
using static Speciosa.Testing.RegimenTestData;

namespace Speciosa.Browser.Tests.Regimens;

/// <summary>Issue 13 part 4: after the taper reached zero, staff see the monitoring window with the unconfirmed kratom course
/// and the checks; the patient, on a 375 px phone, sees only when to fill in the SOWS (no thresholds, no rule ids).</summary>
public sealed class PostTaperPageTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task After_the_taper_reached_zero_staff_see_the_window_and_the_patient_sees_when_to_fill_in_the_SOWS_on_a_phone(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var portalName = "portal." + Guid.NewGuid().ToString("N")[..8];
        Guid userId;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Speciosa.Web.Data.SpeciosaDbContext>();
            var clinicId = await db.Clinics.Where(c => c.IsDemo).Select(c => c.Id).FirstAsync();
            var (user, _) = await scope.ServiceProvider.GetRequiredService<Speciosa.Web.Identity.UserAdministration>()
                .CreateAsync(clinicId, new Speciosa.Web.Identity.NewUser(portalName, "Portal Patient", null, SpeciosaServer.DemoPassword, [Speciosa.Web.Identity.SpeciosaRoles.Patient]), null, "test");
            userId = user!.Id;
        }

        var patientId = await PatientTestData.EnrolAsync(clinician, "Taperzero", userId);
        var (productId, lotId) = await LeafLotAsync(clinician);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd");
        var created = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/regimens", new
        {
            productId, lotId, gramsPerAdministration = 2m, maxAdministrationsPerDay = 3, maxGramsPerDay = 6m, startDate = Day(-20),
            reason = "Starting order",
            taper = new { entries = new[] { new { startsOn = Day(-20), gramsPerDay = 4m }, new { startsOn = Day(-1), gramsPerDay = 0m } } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        await using (var staff = await browser.NewContextAsync(server))
        {
            var page = await staff.NewPageAsync();
            await BrowserSession.SignInAsync(page, "demo.clinician");
            await page.GotoAsync($"/patients/{patientId}");
            var section = page.Locator("#post-taper");
            await Expect(section).ToContainTextAsync("The taper reached zero on " + Day(-1));
            await Expect(section.Locator("#post-taper-course")).ToContainTextAsync("UNCONFIRMED");
            await Expect(section.Locator("#post-taper-checks tbody tr")).ToHaveCountAsync(3);
            await Expect(section.Locator("#post-taper-rule")).ToContainTextAsync("COWS total of 5 or more");
            await Expect(section.Locator("#off-label-kratom")).ToContainTextAsync("off-label");
            await BrowserSession.ScreenshotAsync(page, "post-taper-staff");
        }

        await using var phone = await browser.NewContextAsync(server, width: 375, height: 740);
        var own = await phone.NewPageAsync();
        await BrowserSession.SignInAsync(own, portalName);
        await BrowserSession.GiveConsentAsync(own);
        await own.GotoAsync($"/patients/{patientId}");
        var mine = own.Locator("#post-taper");
        await Expect(mine).ToContainTextAsync("Your kratom taper has reached zero");
        await Expect(mine.Locator("#post-taper-checks li")).ToHaveCountAsync(3);
        await Expect(mine).Not.ToContainTextAsync("COWS total");
        await Expect(mine).Not.ToContainTextAsync("dosing.");
        await Expect(mine).Not.ToContainTextAsync("UNCONFIRMED");
        await BrowserSession.ExpectFitsWidthAsync(own, "The patient's overview scrolls sideways on a 375 px phone.");
        await own.GetByRole(AriaRole.Link, new() { Name = "Fill in the SOWS" }).ClickAsync();
        await Expect(own.Locator("#off-label-kratom")).ToContainTextAsync("made for opioid withdrawal");
        await BrowserSession.ScreenshotAsync(own, "post-taper-patient-phone");
    }
}
