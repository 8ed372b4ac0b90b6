using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.Regimens;

public sealed class TaperCalendarTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_clinician_generates_a_taper_edits_a_week_and_saves_it_as_a_new_regimen_version(Database database)
    {
        var server = await servers.On(database);
        await using var context = await browser.NewContextAsync(server);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.clinician");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Patients", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Placeholder (demo), Avery" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Regimen, doses and chart" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Taper calendar" }).First.ClickAsync();

        // E6: nothing is filled in; the actual intake stands beside the form as information only.
        await Expect(page.GetByLabel("Starting grams a day")).ToHaveValueAsync("");
        await Expect(page.GetByLabel("Rounding step (g)")).ToHaveValueAsync("");
        await Expect(page.GetByLabel("Method", new() { Exact = true })).ToHaveValueAsync("");
        await Expect(page.Locator("#recent-intake")).ToContainTextAsync("staff-given dose records");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate" }).ClickAsync();
        await Expect(page.Locator("#method-problem")).ToContainTextAsync("Choose a method");

        await page.GetByLabel("Method", new() { Exact = true }).SelectOptionAsync("PercentOfStartingDose");
        await page.GetByLabel("First reduced week starts on").FillAsync(DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Starting grams a day").FillAsync("6");
        await page.GetByLabel("Rounding step (g)").FillAsync("0.5");
        await page.GetByLabel("Weekly reduction").FillAsync("25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate" }).ClickAsync();

        // 6 g a day, 25% of the starting dose a week, 0.5 g steps: 4.5, 3, 1.5, 0.
        await Expect(page.GetByLabel("Week 1 grams a day")).ToHaveValueAsync("4.5");
        await page.GetByLabel("Week 2 grams a day").FillAsync("3.5");
        await page.GetByLabel("Week 2 basis").FillAsync("clinician: slower second week");
        await page.GetByLabel("Why (required)").FillAsync("Stable for two weeks; taper agreed with the patient");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new regimen version" }).ClickAsync();

        var calendar = page.Locator("#taper-calendar");
        await Expect(calendar).ToContainTextAsync("3.5");
        await Expect(calendar).ToContainTextAsync("slower second week");
        var history = page.Locator("#regimen-history");
        await Expect(history).ToContainTextAsync("taper agreed");
        await Expect(history).ToContainTextAsync("taper calendar");
        await page.Locator("#taper-calendar").ScrollIntoViewIfNeededAsync();
        await BrowserSession.ScreenshotAsync(page, "taper-saved");
    }
}
