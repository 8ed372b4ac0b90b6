using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;
using static Speciosa.Testing.RegimenTestData;

namespace Speciosa.Browser.Tests.Regimens;

public sealed class TitrationStepDueTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_clinician_sees_a_due_step_with_its_reading_and_confirms_it_with_the_tick_on_a_phone(Database database)
    {
        var server = await servers.On(database);
        var api = await server.SignedInClientAsync("demo.clinician");
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var (productId, lotId) = await LeafLotAsync(api);
        var patientId = await EnrolLivingInAsync(api, "US-TN");
        var created = await api.PostAsJsonAsync($"/api/patients/{patientId}/regimens", new
        {
            productId, lotId, gramsPerAdministration = 2m, maxAdministrationsPerDay = 3, maxGramsPerDay = 7.5m,
            startDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2).ToString("yyyy-MM-dd"), reason = "Titrate on withdrawal",
            titration = new { steps = new[] { new { gramsPerAdministration = 2.5m, daysAfterPreviousStep = 1, holdScale = "cows", holdComparison = "lt", holdThreshold = 20 } } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var cows = await nurse.PostAsJsonAsync($"/api/patients/{patientId}/assessments",
            WithdrawalTestData.Cows(WithdrawalTestData.ModerateCows, DateTimeOffset.UtcNow.AddMinutes(-10)));
        Assert.Equal(HttpStatusCode.Created, cows.StatusCode);

        await using var context = await browser.NewContextAsync(server, width: 375, height: 740);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.clinician");
        await page.GotoAsync($"/patients/{patientId}/regimen");

        var due = page.Locator("#step-due");
        await Expect(due).ToContainTextAsync("Step due: a clinician confirms or declines it.");
        await Expect(due).ToContainTextAsync("COWS 14");
        await Expect(page.Locator("#today-limits")).ToContainTextAsync("2 g per administration");
        await BrowserSession.ExpectFitsWidthAsync(page, "The step-due prompt scrolls sideways on a 375 px phone.");
        await BrowserSession.ScreenshotAsync(page, "titration-step-due-phone");

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm step" }).ClickAsync();
        await Expect(page.Locator("#confirmTick-problem")).ToContainTextAsync("Tick the box");
        await page.GetByLabel("I confirm step 1").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm step" }).ClickAsync();

        await Expect(page.Locator("#step-decided")).ToContainTextAsync("Titration step confirmed");
        await Expect(page.Locator("#today-limits")).ToContainTextAsync("2.5 g per administration (titration step 1, confirmed by the clinician");
        await Expect(page.Locator("#titration-decisions")).ToContainTextAsync("confirmed");
    }
}
