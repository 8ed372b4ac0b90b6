using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.Medicines;

/// <summary>Issue 15 item 5 on a phone: a clinician changes sertraline's dose (a wrong amount is refused beside the field with the
/// input kept), sees what changed and the change in the medicine's history, then stops it with a reason; axe-core finds nothing
/// serious and the page fits 375 px at each step.</summary>
public sealed class MedicineEditPageTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_clinician_on_a_phone_raises_sertralines_dose_sees_the_change_in_its_history_then_stops_it_with_a_reason(Database database)
    {
        var server = await servers.On(database);
        var api = await server.SignedInClientAsync("demo.clinician");
        var patientId = await PatientTestData.EnrolAsync(api, "Browser medicine edit");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/patients/{patientId}/medicines",
            new { name = "sertraline", dose = "50", unit = "mg", frequency = "once a day", route = "oral" })).StatusCode);
        await using var context = await browser.NewContextAsync(server, width: 375, height: 800);
        await Axe.AddToAsync(context);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.clinician");
        await page.GotoAsync($"/patients/{patientId}/medicines");

        var tile = page.GetByRole(AriaRole.Article, new() { Name = "sertraline" });
        await tile.GetByText("Change the dose or how sertraline is taken").ClickAsync();
        await Expect(tile.GetByLabel("New dose amount")).ToHaveValueAsync("50");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await tile.GetByLabel("New dose amount").FillAsync("a hundred");
        await tile.GetByLabel("Why it changes").FillAsync("Dose raised by her GP");
        await tile.GetByRole(AriaRole.Button, new() { Name = "Save the change to sertraline" }).ClickAsync();

        tile = page.GetByRole(AriaRole.Article, new() { Name = "sertraline" });
        await Expect(tile.GetByText("The amount as a number (0.5) or a range (1-2), without the unit.")).ToBeVisibleAsync();
        await Expect(tile.GetByLabel("New dose amount")).ToHaveValueAsync("a hundred");
        await Expect(tile.GetByLabel("Why it changes")).ToHaveValueAsync("Dose raised by her GP");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await BrowserSession.ExpectFitsWidthAsync(page, "The medicines page scrolls sideways on a 375 px phone with an edit refused.");

        await tile.GetByLabel("New dose amount").FillAsync("100");
        await tile.GetByRole(AriaRole.Button, new() { Name = "Save the change to sertraline" }).ClickAsync();

        await Expect(page.Locator("#changed")).ToContainTextAsync("Changing sertraline (dose 50 mg → 100 mg) changed no alert.");
        tile = page.GetByRole(AriaRole.Article, new() { Name = "sertraline" });
        await Expect(tile).ToContainTextAsync("As recorded: 100 mg, once a day");
        await tile.GetByText("Changes to sertraline (1)").ClickAsync();
        await Expect(tile.Locator(".medicine-history")).ToContainTextAsync("Dr Casey Clinician (demo): dose 50 mg → 100 mg. Why: Dose raised by her GP.");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await BrowserSession.ExpectFitsWidthAsync(page, "The medicines page scrolls sideways on a 375 px phone after an edit.");

        await tile.GetByText("Stop or correct sertraline").ClickAsync();
        await tile.GetByLabel("Why it was stopped").FillAsync("Low mood resolved");
        await tile.GetByRole(AriaRole.Button, new() { Name = "Stop sertraline" }).ClickAsync();

        await Expect(page.Locator("#changed")).ToContainTextAsync("Stopping sertraline removed 1 interaction: Kratom with serotonergic drugs.");
        await Expect(page.Locator("#ended-medicines")).ToContainTextAsync("sertraline · 100 mg, once a day");
        await Expect(page.Locator("#ended-medicines")).ToContainTextAsync("Low mood resolved");
        await Expect(page.Locator("#medicines")).ToHaveTextAsync("No current medicines recorded.");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await BrowserSession.ExpectFitsWidthAsync(page, "The medicines page scrolls sideways on a 375 px phone after a stop.");
        await page.ReloadAsync();
        await Expect(page.Locator("#changed")).ToHaveCountAsync(0);
    }
}
