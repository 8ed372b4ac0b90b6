using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.Liver;

public sealed class LiverPageTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_clinician_enters_a_hys_law_panel_and_sees_the_chart_the_edish_quadrant_in_words_and_the_alert(Database database)
    {
        var server = await servers.On(database);
        var api = await server.SignedInClientAsync("demo.clinician");
        var enrolled = await api.PostAsJsonAsync("/api/patients", new
        {
            givenName = "Rowan", familyName = "Liverpanel", dateOfBirth = "1979-05-06", sex = "female", countryCode = "US",
            pregnant = false, breastfeeding = false, planningConception = false, confirmLegalWarning = true,
        });
        var id = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        // A normal baseline panel three weeks earlier, so the chart has a course.
        var before = DateTimeOffset.UtcNow.AddDays(-21);
        (await api.PostAsJsonAsync($"/api/patients/{id}/labs", new
        {
            results = new object[]
            {
                new { test = "alt", value = 30m, unit = "U/L", upperLimitOfNormal = 40m, collectedAt = before },
                new { test = "alp", value = 90m, unit = "U/L", upperLimitOfNormal = 120m, collectedAt = before },
                new { test = "total-bilirubin", value = 0.8m, unit = "mg/dL", upperLimitOfNormal = 1.2m, collectedAt = before },
            },
        })).EnsureSuccessStatusCode();

        await using var context = await browser.NewContextAsync(server, width: 375, height: 800);
        await Axe.AddToAsync(context);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.clinician");
        await page.GotoAsync($"/patients/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Liver tests and eDISH" }).ClickAsync();

        var at = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddHours(-2), zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        await page.GetByLabel("Collected at").FillAsync(at);
        var alt = page.Locator("#row-alt");
        await alt.GetByLabel("Value").FillAsync("250");
        await alt.GetByLabel("Upper limit of normal").FillAsync("40");
        var alp = page.Locator("#row-alp");
        await alp.GetByLabel("Value").FillAsync("100");
        await alp.GetByLabel("Upper limit of normal").FillAsync("120");
        var bilirubin = page.Locator("#row-total-bilirubin");
        await bilirubin.GetByLabel("Value").FillAsync("3.1");
        await bilirubin.GetByLabel("Reference low").FillAsync("0.1");
        await bilirubin.GetByLabel("Upper limit of normal").FillAsync("1.2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save panel" }).ClickAsync();

        await Expect(page.Locator("#saved")).ToContainTextAsync("Saved 3 results");
        await Expect(page.Locator("#edish-quadrant")).ToContainTextAsync("Upper-right quadrant; potential Hy's law");
        await Expect(page.Locator("#liver-alerts")).ToContainTextAsync("liver.potential-hys-law");
        await Expect(page.Locator("#liver-alerts")).ToContainTextAsync("liver.fda-2009-stopping-criterion");
        await Expect(page.Locator("#liver-panels")).ToContainTextAsync("R = 7.5 (Hepatocellular)");
        await Expect(page.Locator("#liver-panels")).ToContainTextAsync("CTCAE grade 3");
        await Expect(page.Locator("#stopping-criteria")).ToContainTextAsync("not computable");
        // Chart.js drew both charts (a canvas it owns gets a width).
        await page.WaitForFunctionAsync("() => typeof Chart !== 'undefined' && Chart.getChart('liver-chart') && Chart.getChart('edish-chart')");
        await BrowserSession.ExpectFitsWidthAsync(page, "The liver page scrolls sideways on a 375 px phone.");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await BrowserSession.ScreenshotAsync(page, "liver-hys-law-phone");

        await page.SetViewportSizeAsync(1280, 900);
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => Chart.getChart('liver-chart') && Chart.getChart('edish-chart')");
        await BrowserSession.ScreenshotAsync(page, "liver-hys-law");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_rucam_adverse_event_and_medicine_pages_fit_a_375_px_phone(Database database)
    {
        var server = await servers.On(database);
        var api = await server.SignedInClientAsync("demo.clinician");
        var enrolled = await api.PostAsJsonAsync("/api/patients", new
        {
            givenName = "Sasha", familyName = "Phonecheck", dateOfBirth = "1960-01-02", sex = "male", countryCode = "US",
            pregnant = false, breastfeeding = false, planningConception = false, confirmLegalWarning = true,
        });
        var id = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var at = DateTimeOffset.UtcNow.AddHours(-3);
        (await api.PostAsJsonAsync($"/api/patients/{id}/labs", new
        {
            results = new object[]
            {
                new { test = "alt", value = 250m, unit = "U/L", upperLimitOfNormal = 40m, collectedAt = at },
                new { test = "alp", value = 100m, unit = "U/L", upperLimitOfNormal = 120m, collectedAt = at },
                new { test = "total-bilirubin", value = 3.1m, unit = "mg/dL", upperLimitOfNormal = 1.2m, collectedAt = at },
            },
        })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/patients/{id}/adverse-events", new
        {
            otherTerm = "Made-up jaundice", grade = 3, onset = at, outcome = "recovering", relatedness = "possible",
            seriousnessCriteria = new[] { "hospitalisation" }, actionTaken = "withdrawn",
        })).EnsureSuccessStatusCode();
        var rule = Speciosa.Clinical.Medicines.InteractionRuleBase.Default.MedicineRules.First(r => r.Classes.Count > 0);
        (await api.PostAsJsonAsync($"/api/patients/{id}/medicines", new { name = "Madeupzolam", classes = new[] { rule.Classes[0] } })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/patients/{id}/medicines", new { name = "Made-up tonic" })).EnsureSuccessStatusCode();

        await using var context = await browser.NewContextAsync(server, width: 375, height: 800);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.clinician");
        foreach (var (path, name, expect) in new[]
        {
            ($"/patients/{id}/liver/rucam", "rucam-phone", "Date of first kratom use"),
            ($"/patients/{id}/adverse-events", "adverse-events-phone", "SERIOUS: hospitalisation"),
            ($"/patients/{id}/medicines", "medicines-phone", "No data:"),
        })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("main")).ToContainTextAsync(expect);
            await BrowserSession.ExpectFitsWidthAsync(page, $"{path} scrolls sideways on a 375 px phone.");
            await BrowserSession.ScreenshotAsync(page, name);
        }
    }
}
