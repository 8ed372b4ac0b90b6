using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.Jurisdictions;

/// <summary>Issue 15 item 8: a registry edit shows who it affects before it is saved, and a ban waits for a second
/// administrator, who approves it on its own page; both names are in the history. Every page passes axe-core.</summary>
public sealed class RegistryGovernancePageTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_ban_proposed_by_one_administrator_shows_the_patients_it_affects_and_takes_effect_when_a_second_approves(Database database)
    {
        var server = await servers.On(database);
        await using var first = await browser.NewContextAsync(server);
        await Axe.AddToAsync(first);
        var page = await first.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.admin");

        await page.GotoAsync("/jurisdictions/us-tn-2018/edit");
        await page.Locator("#status").SelectOptionAsync("Banned");
        await page.Locator("#statusText").FillAsync("Scheduled (made-up test law)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show who this affects" }).ClickAsync();
        var preview = page.GetByTestId("registry-preview");
        await Expect(preview.GetByTestId("needs-second-approval")).ToContainTextAsync("A second administrator must approve this change");
        await Expect(preview.Locator("table.affected-patients tbody tr").First).ToContainTextAsync("Legal status Regulated → Banned");
        Assert.True(await preview.Locator("table.affected-patients tbody tr").CountAsync() > 0);
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await BrowserSession.ScreenshotAsync(page, $"registry-edit-preview-{database}");

        await page.Locator("#reason").FillAsync("Ban enacted (made-up test)");
        await page.GetByLabel("This changes the legal status used for every patient who lives there").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a proposal" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/jurisdictions/proposals/\\d+\\?proposed=true$"));
        await Expect(page.GetByTestId("proposal-saved")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("own-proposal")).ToContainTextAsync("another administrator must approve it");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Approve and apply" })).ToHaveCountAsync(0);
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await page.GotoAsync("/jurisdictions/us-tn-2018");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToContainTextAsync("Banned"); // nothing changed yet

        await using var second = await browser.NewContextAsync(server, width: 375, height: 800);
        await Axe.AddToAsync(second);
        var other = await second.NewPageAsync();
        await BrowserSession.SignInAsync(other, "demo.admin2");
        await other.GotoAsync("/jurisdictions/proposals");
        Assert.Empty(await Axe.SeriousViolationsAsync(other));
        await other.GetByRole(AriaRole.Link, new() { Name = "Change to us-tn-2018" }).ClickAsync();
        await Expect(other.GetByTestId("proposal-facts")).ToContainTextAsync("by demo.admin");
        await Expect(other.GetByTestId("registry-preview").Locator("table.affected-patients tbody tr").First).ToBeVisibleAsync();
        await BrowserSession.ExpectFitsWidthAsync(other, "The proposal page scrolls sideways on a 375 px phone.");
        Assert.Empty(await Axe.SeriousViolationsAsync(other));
        await BrowserSession.ScreenshotAsync(other, $"registry-proposal-phone-{database}");

        await other.GetByRole(AriaRole.Button, new() { Name = "Approve and apply" }).ClickAsync();
        await Expect(other.Locator("#approve-confirm-problem")).ToContainTextAsync("Tick the box to confirm");
        await other.GetByLabel("I have checked this change and the patients it affects").CheckAsync();
        await other.GetByRole(AriaRole.Button, new() { Name = "Approve and apply" }).ClickAsync();
        await Expect(other).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/jurisdictions/us-tn-2018\\?saved=true$"));
        await Expect(other.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Banned");
        var latest = other.Locator("table.data").Last.Locator("tbody tr").First;
        await Expect(latest).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Proposed by demo\\.admin at .+; approved by demo\\.admin2 at "));
        await Expect(latest).ToContainTextAsync("Ban enacted (made-up test)");
        Assert.Empty(await Axe.SeriousViolationsAsync(other));
    }
}
