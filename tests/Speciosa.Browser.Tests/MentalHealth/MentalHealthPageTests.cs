using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.MentalHealth;

public sealed class MentalHealthPageTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_demo_patient_fills_the_phq9_on_a_375_px_phone_and_after_item_9_sees_the_crisis_line_without_rule_or_threshold(Database database)
    {
        var server = await servers.On(database);
        await using var context = await browser.NewContextAsync(server, width: 375, height: 740);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.patient");

        await page.GotoAsync("/api/patients");
        var json = await page.Locator("body").InnerTextAsync();
        var id = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("items")[0].GetProperty("id").GetString();
        await page.GotoAsync($"/patients/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mood (PHQ-9)" }).ClickAsync();

        await Expect(page.Locator("#instructions")).ToContainTextAsync("Over the last 2 weeks");
        await BrowserSession.ExpectFitsWidthAsync(page, "The PHQ-9 form scrolls sideways on a 375 px phone.");
        await BrowserSession.ScreenshotAsync(page, "phq9-phone-form");
        for (var item = 1; item <= 8; item++)
        {
            await page.Locator($"#item{item}-{item % 2}").CheckAsync();
        }

        await page.Locator("#item9-1").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.Locator("#crisis-prompt")).ToContainTextAsync("call or text 988");
        await Expect(page.Locator("#recorded")).ToContainTextAsync("total 5 of 27");
        var main = page.Locator("main");
        foreach (var hidden in new[] { "mental-health.phq9-item9", "Critical", "item 9", "threshold", "Kroenke" })
        {
            await Expect(main).Not.ToContainTextAsync(hidden);
        }

        await Expect(page.Locator("#trend-phq-9 svg")).ToBeVisibleAsync();
        await BrowserSession.ExpectFitsWidthAsync(page, "The patient's questionnaire page scrolls sideways on a 375 px phone.");
        await BrowserSession.ScreenshotAsync(page, "phq9-phone-crisis-prompt");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_clinician_records_a_gad7_and_a_dsm5_checklist_from_the_chart_and_sees_the_trend_and_severity(Database database)
    {
        var server = await servers.On(database);
        await using var context = await browser.NewContextAsync(server);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.clinician");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Patients", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sampleton (demo), Jordan" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record GAD-7" }).ClickAsync();
        for (var item = 1; item <= 7; item++)
        {
            await page.Locator($"#item{item}-{(item <= 3 ? 2 : 1)}").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.Locator("#recorded")).ToContainTextAsync("total 10 of 21 (moderate)");
        await Expect(page.Locator("#trend-gad-7 svg")).ToBeVisibleAsync();
        await Expect(page.Locator("#trend-gad-7")).ToContainTextAsync("10 moderate"); // the band line, staff only
        await Expect(page.Locator("#cssrs-note")).ToContainTextAsync("not reproduced");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record a DSM-5 checklist (entry or review)" }).ClickAsync();
        await Expect(page.Locator("#paraphrase-note")).ToContainTextAsync("Paraphrased in our own words");
        await page.Locator("#substance-opioid").CheckAsync();
        await page.Locator("#occasion-entry").CheckAsync();
        foreach (var n in new[] { 1, 2, 4, 6, 10, 11 })
        {
            await page.Locator($"#criterion-{n}").CheckAsync();
        }

        await page.Locator("#supervised-yes").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record checklist" }).ClickAsync();

        await Expect(page.Locator("#saved")).ToContainTextAsync("DSM-5 checklist recorded.");
        await Expect(page.Locator("#use-disorder-checklists")).ToContainTextAsync("Opioid use disorder, moderate: 4 of 11 criteria counted");
        await Expect(page.Locator("#use-disorder-checklists")).ToContainTextAsync("Not counted under medical supervision: tolerance (10), withdrawal (11)");
        await BrowserSession.ScreenshotAsync(page, "mental-health-staff");
    }
}
