using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.Withdrawal;

public sealed class WithdrawalAssessmentTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_clinician_fills_the_cows_form_for_a_demo_patient_and_sees_the_total_the_band_and_the_chart(Database database)
    {
        var server = await servers.On(database);
        await using var context = await browser.NewContextAsync(server);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.clinician");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Patients", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sampleton (demo), Jordan" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record COWS" }).ClickAsync();

        // Pulse 92 bpm scores item 1 as 1; the rest: 1+2+1+0+1+2+1+1+1+3 → total 14, moderate.
        await page.GetByLabel("Resting pulse").FillAsync("92");
        int[] scores = [0, 1, 1, 2, 0, 1, 2, 1, 1, 1, 3];
        for (var item = 2; item <= 11; item++)
        {
            await page.Locator($"#item{item}-{scores[item - 1]}").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Score and save" }).ClickAsync();

        var notice = page.Locator("#recorded");
        await Expect(notice).ToContainTextAsync("total 14");
        await Expect(notice).ToContainTextAsync("band moderate");
        await page.Locator("#withdrawal-chart[data-drawn='true']").WaitForAsync();
        await page.Locator("#withdrawal-chart").ScrollIntoViewIfNeededAsync();
        await BrowserSession.ScreenshotAsync(page, "cows-recorded-with-chart");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_demo_patient_fills_the_sows_form_on_a_375_px_phone_and_it_awaits_staff_review(Database database)
    {
        var server = await servers.On(database);
        await using var context = await browser.NewContextAsync(server, width: 375, height: 740);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.patient");

        await page.GotoAsync("/api/patients");
        var json = await page.Locator("body").InnerTextAsync();
        var id = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("items")[0].GetProperty("id").GetString();
        await page.GotoAsync($"/patients/{id}/assess/sows-handelsman");

        await BrowserSession.ExpectFitsWidthAsync(page, "The SOWS form scrolls sideways on a 375 px phone.");
        await BrowserSession.ScreenshotAsync(page, "sows-phone-form");
        Directory.CreateDirectory(BrowserSession.ScreenshotFolder);
        await page.Locator("#item-2").ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotFolder, "sows-phone-item.png") });
        // Every answer of an item sits on its own row: the five answers are stacked, none shares a line with another.
        await Expect(page.Locator("#item-2 .choice")).ToHaveCountAsync(5);
        await BrowserSession.ExpectTrueAsync(page,
            "() => { const tops = Array.from(document.querySelectorAll('#item-2 .choice'), e => e.getBoundingClientRect().top); return new Set(tops).size === tops.length; }",
            "Two answers of a SOWS item share a line on a 375 px phone.");
        await Expect(page.Locator("#unconfirmed-note")).ToContainTextAsync("Wording unconfirmed");
        for (var item = 1; item <= 16; item++)
        {
            await page.Locator($"#item{item}-{item % 3}").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Score and save" }).ClickAsync();
        var expected = Enumerable.Range(1, 16).Sum(i => i % 3);
        await Expect(page.Locator("#recorded")).ToContainTextAsync($"total {expected}");
        await Expect(page.Locator("#assessment-history")).ToContainTextAsync("awaiting staff review");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("MME"); // no MME on patient-role pages
        await BrowserSession.ExpectFitsWidthAsync(page, "The patient page scrolls sideways on a 375 px phone.");
        await BrowserSession.ScreenshotAsync(page, "sows-recorded-phone");
    }
}
