using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.Research;

/// <summary>Issue 16 item 5: the Researcher reaches the research page from the menu on a phone and finds cohort counts, the
/// downloads and the data dictionary; the page passes axe and fits 375 px.</summary>
public sealed class ResearchPageTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_researcher_finds_cohort_counts_downloads_and_the_data_dictionary_on_a_phone(Database database)
    {
        var server = await servers.On(database);
        await using var context = await browser.NewContextAsync(server, width: 375, height: 740);
        await Axe.AddToAsync(context);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.researcher");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Research" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Research dataset" })).ToBeVisibleAsync();
        await Expect(page.Locator("#cohort-events")).ToContainTextAsync("assessment");
        await Expect(page.Locator("#cohort-suppression")).ToContainTextAsync("CMS cell size suppression policy");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Events (CSV)" })).ToHaveAttributeAsync("href", "/api/research/events.csv");
        await Expect(page.Locator("#data-dictionary")).ToContainTextAsync("cows_max");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await BrowserSession.ExpectFitsWidthAsync(page, "the research page must fit a 375 px phone");
        await BrowserSession.ScreenshotAsync(page, "research");
    }
}
