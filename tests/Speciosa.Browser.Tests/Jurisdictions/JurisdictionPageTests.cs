using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.Jurisdictions;

public sealed class JurisdictionPageTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_clinician_searches_the_registry_and_sees_status_freshness_and_verification_in_words(Database database)
    {
        var server = await servers.On(database);
        await using var context = await browser.NewContextAsync(server);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.clinician");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Jurisdictions", Exact = true }).ClickAsync();
        await page.GetByLabel("Search").FillAsync("US-LA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("q=US-LA"));

        var rows = page.Locator("table.jurisdictions tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        var row = rows.First;
        await Expect(row).ToContainTextAsync("US-LA");
        await Expect(row).ToContainTextAsync("Banned");
        await Expect(row).ToContainTextAsync("2025-08-01");
        await Expect(row).ToContainTextAsync(new System.Text.RegularExpressions.Regex("(Current|Stale): \\d+ days since checked"));
        await Expect(row).ToContainTextAsync("Secondary sources"); // E25: Louisiana rests on radio and a revenue notice, not the Act
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add an entry" })).Not.ToBeVisibleAsync(); // Only administrators may add entries.
        await BrowserSession.ScreenshotAsync(page, "jurisdictions-search");

        await page.GotoAsync("/jurisdictions");
        await BrowserSession.ScreenshotAsync(page, "jurisdictions-registry");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_admin_edit_needs_a_reason_and_the_confirmation_tick_and_then_appears_in_the_entry_history(Database database)
    {
        var server = await servers.On(database);
        await using var context = await browser.NewContextAsync(server, width: 375, height: 800);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.admin");

        await page.GotoAsync("/jurisdictions/us-ut-2019-05-14");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit this entry" }).ClickAsync();
        await page.GetByLabel("Note").FillAsync("Pure-leaf amendment date still to be confirmed.");
        await page.Locator("#reason").EvaluateAsync("el => el.removeAttribute('required')");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save entry" }).ClickAsync();
        // Each problem beside its field, in words; the note typed is kept.
        await Expect(page.Locator("#reason-problem")).ToContainTextAsync("why the registry changes");
        await Expect(page.Locator("#confirm-problem")).ToContainTextAsync("Tick the box to confirm");
        await Expect(page.GetByLabel("Note")).ToHaveValueAsync("Pure-leaf amendment date still to be confirmed.");

        await page.Locator("#reason").FillAsync("Checked Utah Code 4-45 online");
        await page.GetByLabel("This changes the legal status used for every patient who lives there").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save entry" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("saved=true"));
        var history = page.Locator("table.data").Last;
        await Expect(history).ToContainTextAsync("Checked Utah Code 4-45 online");
        await Expect(history).ToContainTextAsync("demo.admin");
        await BrowserSession.ExpectFitsWidthAsync(page, "The entry page scrolls sideways on a 375 px phone.");
        await BrowserSession.ScreenshotAsync(page, "jurisdiction-entry-after-edit-phone");
    }
}
