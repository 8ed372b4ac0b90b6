using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.DrugTesting;

/// <summary>Issue 13 part 5: a clinician records a urine drug test from the chart and sees each result read against the
/// medicine list, the unexpected-fentanyl reading, and the note that opiate immunoassays do not detect mitragynine.</summary>
public sealed class DrugTestPageTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_clinician_records_a_drug_test_from_the_chart_and_sees_each_reading(Database database)
    {
        var server = await servers.On(database);
        var api = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(api, "Urinetest");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/patients/{id}/medicines", new { name = "methadone", classes = Array.Empty<string>() })).StatusCode);
        await using var context = await browser.NewContextAsync(server);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.clinician");

        await page.GotoAsync($"/patients/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Drug tests and their interpretation" }).ClickAsync();
        await Expect(page.Locator("#mitragynine-note")).ToContainTextAsync("Opiate immunoassays do not detect mitragynine");
        await page.Locator("#fentanyl-result").SelectOptionAsync("positive");
        await page.Locator("#eddp-result").SelectOptionAsync("negative");
        await page.Locator("#mitragynine-result").SelectOptionAsync("negative");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save drug test" }).ClickAsync();

        await Expect(page.Locator("#saved")).ToContainTextAsync("Drug test recorded");
        var test = page.Locator("table.drug-test");
        await Expect(test).ToContainTextAsync("read against: methadone");
        await Expect(test.Locator("tr.unexpected-positive")).ToContainTextAsync("Fentanyl");
        await Expect(test.Locator("tr.unexpected-negative")).ToContainTextAsync("EDDP");
        await Expect(test.Locator("tr.expected-negative")).ToContainTextAsync("Mitragynine");
        await BrowserSession.ScreenshotAsync(page, "drug-tests");
    }
}
