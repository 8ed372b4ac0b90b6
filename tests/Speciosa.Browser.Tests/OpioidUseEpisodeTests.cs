using System.Globalization;
using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Browser.Tests;

public sealed class OpioidUseEpisodeTests(BrowserSession browser)
{
    [Fact]
    public async Task A_clinician_records_an_opioid_use_opens_an_episode_and_sees_the_expected_course_on_the_overview()
    {
        await using var server = await SpeciosaServer.StartAsync();
        await using var context = await browser.NewContextAsync(server);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.clinician");

        await page.GetByRole(AriaRole.Link, new() { Name = "Patients" }).ClickAsync();
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
        Assert.Contains("Opioid use recorded", await page.Locator("#saved").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Open withdrawal episode" }).ClickAsync();
        await page.GetByLabel("Heroin", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open episode" }).ClickAsync();

        Assert.Contains("Withdrawal episode opened", await page.Locator("#saved").InnerTextAsync(), StringComparison.Ordinal);
        // 9 h after last heroin use: inside the 6–12 h onset window of a short-acting opioid.
        Assert.Equal("Now: in the expected onset window.", (await page.Locator("#phase-now").InnerTextAsync()).Trim());
        var episode = await page.Locator(".tile", new() { HasText = "Withdrawal episode" }).InnerTextAsync();
        Assert.Contains("Short-acting opioid", episode, StringComparison.Ordinal);
        Assert.Contains("Onset: 6–12 h after last use", episode, StringComparison.Ordinal);
        Assert.Contains("America/New_York", episode, StringComparison.Ordinal);
        Assert.Contains("No assessments in this episode yet", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // A COWS now lands in this episode and is drawn on its course (0–48 axis with the band lines).
        await page.GetByRole(AriaRole.Link, new() { Name = "Record COWS" }).ClickAsync();
        await page.GetByLabel("Resting pulse").FillAsync("92");
        int[] scores = [0, 1, 1, 2, 0, 1, 2, 1, 1, 1, 3];
        for (var item = 2; item <= 11; item++)
        {
            await page.Locator($"#item{item}-{scores[item - 1]}").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Score and save" }).ClickAsync();
        Assert.Contains("total 14", await page.Locator("#recorded").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("No assessments in this episode yet", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#withdrawal-chart[data-drawn='true']").WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "opioid-use-episode-overview");
    }
}
