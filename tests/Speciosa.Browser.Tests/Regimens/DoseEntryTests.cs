using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.Regimens;

public sealed class DoseEntryTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_nurse_records_a_dose_from_the_patient_overview_and_the_daily_chart_shows_it(Database database)
    {
        var server = await servers.On(database);
        await using var context = await browser.NewContextAsync(server);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.nurse");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Patients", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sampleton (demo), Jordan" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a dose" }).ClickAsync();
        // E26: the form starts empty (nothing filled in from the order) beside the limits in effect today.
        await Expect(page.GetByLabel("Grams")).ToHaveValueAsync("");
        await Expect(page.Locator("#order-summary")).ToContainTextAsync("Today's limits");
        await Expect(page.Locator("#demo-values")).ToContainTextAsync("Demo values, not a recommended regimen");
        await page.GetByLabel("Grams").FillAsync("1.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record dose" }).ClickAsync();

        var notice = page.Locator("#dose-recorded");
        await Expect(notice).ToContainTextAsync("1.5 g");
        await Expect(notice).ToContainTextAsync("DEMO-GL-001");
        var firstDay = page.Locator("#daily-doses tbody tr").First;
        await Expect(firstDay).ToContainTextAsync("1.5"); // today: 1.5 g, 22.5 mg mitragynine (15 mg/g)
        await Expect(firstDay).ToContainTextAsync("22.5");
        await page.Locator("#dose-chart[data-drawn='true']").WaitForAsync();
        await page.Locator("#dose-chart").ScrollIntoViewIfNeededAsync();
        await BrowserSession.ScreenshotAsync(page, "dose-recorded-daily-chart");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_nurse_sees_why_a_dose_above_the_order_is_not_recorded(Database database)
    {
        var server = await servers.On(database);
        await using var context = await browser.NewContextAsync(server, width: 375, height: 740);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.nurse");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Patients", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sampleton (demo), Jordan" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a dose" }).ClickAsync();
        await page.GetByLabel("Grams").FillAsync("9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record dose" }).ClickAsync();

        await Expect(page.Locator("#dose-refused")).ToContainTextAsync("per administration");
        await BrowserSession.ExpectFitsWidthAsync(page, "The dose form scrolls sideways on a 375 px phone.");
        await BrowserSession.ScreenshotAsync(page, "dose-refused-phone");
    }
}
