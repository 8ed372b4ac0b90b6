using System.Globalization;
using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.Withdrawal;

public sealed class OpioidUseEpisodeTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_clinician_records_an_opioid_use_opens_an_episode_and_sees_the_expected_course_on_the_overview(Database database)
    {
        var server = await servers.On(database);
        await using var context = await browser.NewContextAsync(server);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.clinician");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Patients", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Placeholder (demo), Avery" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record opioid use" }).ClickAsync();

        await page.GetByLabel("Substance").SelectOptionAsync("heroin");
        await page.GetByLabel("Amount per day").FillAsync("300");
        await page.GetByLabel("Route").SelectOptionAsync("intravenous");
        await page.GetByLabel("Used for how long").FillAsync("400");
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var lastUse = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddHours(-9), zone);
        await page.GetByLabel("Last use (America/New_York)").FillAsync(lastUse.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save opioid use" }).ClickAsync();
        await Expect(page.Locator("#saved")).ToContainTextAsync("Opioid use recorded");

        await page.GetByRole(AriaRole.Link, new() { Name = "Open withdrawal episode" }).ClickAsync();
        await page.GetByLabel("Heroin", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open episode" }).ClickAsync();

        await Expect(page.Locator("#saved")).ToContainTextAsync("Withdrawal episode opened");
        // 9 h after last heroin use: inside the 6–12 h onset window of a short-acting opioid.
        await Expect(page.Locator("#phase-now")).ToHaveTextAsync("Now: in the expected onset window.");
        var episode = page.Locator(".tile", new() { HasText = "Withdrawal episode" });
        await Expect(episode).ToContainTextAsync("Short-acting opioid");
        await Expect(episode).ToContainTextAsync("Onset: 6–12 h after last use");
        await Expect(episode).ToContainTextAsync("America/New_York");
        await Expect(page.Locator("main")).ToContainTextAsync("No assessments in this episode yet");
        // Audit E15: MME comes with its cautions (heroin's is not computable; the cautions still show).
        await Expect(page.Locator("#mme-cautions")).ToContainTextAsync("Estimate only, never for conversion");
        await Expect(page.Locator("#mme-cautions")).ToContainTextAsync("do not apply");
        await Expect(page.Locator("#loss-of-tolerance")).ToHaveCountAsync(0); // only once acute withdrawal is expected to end

        // A COWS now lands in this episode and is drawn on its course (0–48 axis with the band lines).
        await page.GetByRole(AriaRole.Link, new() { Name = "Record COWS" }).ClickAsync();
        await page.GetByLabel("Resting pulse").FillAsync("92");
        int[] scores = [0, 1, 1, 2, 0, 1, 2, 1, 1, 1, 3];
        for (var item = 2; item <= 11; item++)
        {
            await page.Locator($"#item{item}-{scores[item - 1]}").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Score and save" }).ClickAsync();
        await Expect(page.Locator("#recorded")).ToContainTextAsync("total 14");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("No assessments in this episode yet");
        await page.Locator("#withdrawal-chart[data-drawn='true']").WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "opioid-use-episode-overview");
    }
}
