using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.Medicines;

/// <summary>Issue 15 item 5 on a phone: a medicine chosen from the catalogue with its dose, unit, route and start is stopped
/// with a reason and the page says which interaction went; another is marked entered in error only with the tick and stays
/// listed struck through. axe-core finds nothing serious on any of these pages.</summary>
public sealed class MedicineListChangePageTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_clinician_on_a_phone_stops_sertraline_sees_what_changed_and_corrects_a_wrong_entry_with_the_tick(Database database)
    {
        var server = await servers.On(database);
        var api = await server.SignedInClientAsync("demo.clinician");
        var patientId = await PatientTestData.EnrolAsync(api, "Browser medicine list");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/patients/{patientId}/medicines", new { name = "diazepam 5 mg" })).StatusCode);
        await using var context = await browser.NewContextAsync(server, width: 375, height: 800);
        await Axe.AddToAsync(context);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.clinician");
        await page.GotoAsync($"/patients/{patientId}/medicines");

        await page.GetByLabel("Name, with dose and frequency if known").FillAsync("sertraline");
        await page.GetByLabel("Dose amount as written").FillAsync("50");
        await page.GetByLabel("Unit", new() { Exact = true }).SelectOptionAsync("mg");
        await page.GetByLabel("How often, as written").FillAsync("once a day");
        await page.GetByLabel("Route").SelectOptionAsync("oral");
        await page.GetByLabel("Day the patient started it").FillAsync("2026-01-05");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add and screen" }).ClickAsync();
        await Expect(page.Locator("#changed")).ToContainTextAsync("Adding sertraline raised 1 alert: Kratom with serotonergic drugs.");
        var tile = page.GetByRole(AriaRole.Article, new() { Name = "sertraline" });
        await Expect(tile).ToContainTextAsync("As recorded: 50 mg, once a day");
        await Expect(tile).ToContainTextAsync("Route: By mouth (oral). Started 2026-01-05.");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));

        await tile.GetByText("Stop or correct sertraline").ClickAsync();
        await tile.GetByLabel("Why it was stopped").FillAsync("Low mood resolved");
        await tile.GetByRole(AriaRole.Button, new() { Name = "Stop sertraline" }).ClickAsync();

        await Expect(page.Locator("#changed")).ToContainTextAsync("Stopping sertraline removed 1 interaction: Kratom with serotonergic drugs.");
        await Expect(page.Locator("#changed")).ToContainTextAsync("Reason: sertraline stopped on");
        await Expect(page.Locator("#ended-medicines")).ToContainTextAsync("Low mood resolved");
        await Expect(page.Locator("#cleared-alerts")).ToContainTextAsync("Kratom with serotonergic drugs");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await BrowserSession.ExpectFitsWidthAsync(page, "The medicines page scrolls sideways on a 375 px phone after a stop.");

        var diazepam = page.GetByRole(AriaRole.Article, new() { Name = "diazepam" });
        await diazepam.GetByText("Stop or correct diazepam").ClickAsync();
        await diazepam.GetByLabel("Why it is wrong").FillAsync("Recorded for the wrong patient");
        await diazepam.GetByRole(AriaRole.Button, new() { Name = "Mark diazepam entered in error" }).ClickAsync();
        await Expect(page.GetByText("Tick the box to confirm: a medicine marked entered in error cannot be restored.")).ToBeVisibleAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(page));

        diazepam = page.GetByRole(AriaRole.Article, new() { Name = "diazepam" }).First;
        await Expect(diazepam.GetByLabel("Why it is wrong")).ToHaveValueAsync("Recorded for the wrong patient");
        await diazepam.GetByLabel("Marking this entered in error").CheckAsync();
        await diazepam.GetByRole(AriaRole.Button, new() { Name = "Mark diazepam entered in error" }).ClickAsync();

        await Expect(page.Locator("#changed")).ToContainTextAsync("Marking diazepam entered in error removed 1 interaction: Kratom with benzodiazepines.");
        await Expect(page.Locator("#ended-medicines s", new() { HasText = "diazepam" })).ToBeVisibleAsync();
        await Expect(page.Locator("#ended-medicines")).ToContainTextAsync("Entered in error: Recorded for the wrong patient");
        await Expect(page.Locator("#medicines")).ToHaveTextAsync("No current medicines recorded.");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await BrowserSession.ExpectFitsWidthAsync(page, "The medicines page scrolls sideways on a 375 px phone after a correction.");
        await page.ReloadAsync();
        await Expect(page.Locator("#changed")).ToHaveCountAsync(0);
    }
}
