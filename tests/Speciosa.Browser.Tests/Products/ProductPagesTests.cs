using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.Products;

public sealed class ProductPagesTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_clinician_opens_the_failing_demo_lot_and_sees_the_lead_row_marked_out_of_limit_and_the_fail_verdict(Database database)
    {
        var server = await servers.On(database);
        await using var context = await browser.NewContextAsync(server);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.clinician");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Products", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Green Vein Leaf Powder (demo)" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "DEMO-GL-002" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Lot DEMO-GL-002");
        var coa = page.GetByTestId("coa");
        await Expect(coa).ToBeVisibleAsync();
        var leadRow = coa.GetByRole(AriaRole.Row).Filter(new() { HasText = "lead" });
        await Expect(leadRow).ToContainTextAsync("Out of limit");
        await Expect(coa.GetByTestId("out-of-limit")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("verdict")).ToContainTextAsync("Fail");
        // Read-only for a clinician: no release or recall buttons.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Release lot" })).ToHaveCountAsync(0);
        await Expect(page.Locator(".reasons")).ToContainTextAsync("µg/day");
        await Expect(page.GetByTestId("tolerance-default")).ToContainTextAsync("software default, not a clinic decision"); // audit E24
        await page.GetByTestId("standards-applied").Locator("summary").ClickAsync();
        await Expect(page.GetByTestId("standards-applied")).ToContainTextAsync("2-analyte screen"); // audit E13, §2.10
        await page.GetByRole(AriaRole.Link, new() { Name = "Green Vein Leaf Powder (demo)" }).First.ClickAsync();
        await Expect(page.GetByText("industry self-certification")).ToBeVisibleAsync(); // audit §2.13
        await BrowserSession.ScreenshotAsync(page, $"lot-failing-clinician-{database}");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Quality_staff_trying_to_release_the_failing_lot_on_a_phone_are_told_why_it_is_refused(Database database)
    {
        var server = await servers.On(database);
        await using var context = await browser.NewContextAsync(server, width: 375, height: 800);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.quality");
        await page.GotoAsync("/products");
        await page.GetByRole(AriaRole.Link, new() { Name = "Green Vein Leaf Powder (demo)" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "DEMO-GL-002" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Release lot" }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("cannot be released");
        await Expect(alert).ToContainTextAsync("lead");
        await Expect(page.Locator(".lede")).ToContainTextAsync("Quarantined");
        await BrowserSession.ExpectFitsWidthAsync(page, "The lot page scrolls sideways on a 375 px phone.");
        await BrowserSession.ScreenshotAsync(page, $"lot-release-refused-phone-{database}");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Quality_staff_create_a_lot_with_two_supply_chain_steps_and_the_lot_page_lists_both(Database database)
    {
        var server = await servers.On(database);
        await using var context = await browser.NewContextAsync(server);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.quality");
        await page.GotoAsync("/products");
        await page.GetByRole(AriaRole.Link, new() { Name = "Green Vein Leaf Powder (demo)" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New lot of this product" }).ClickAsync();

        var lotCode = $"PAGE-{database}-7";
        await page.GetByLabel("Lot code").FillAsync(lotCode);
        var steps = page.Locator(".supply-step");
        // First row: the origin farm; third row: the processor (the role list is prefilled Origin, Grower, Processor, …).
        await steps.Nth(0).GetByLabel("Name").FillAsync("Made-up farm cooperative");
        await steps.Nth(0).GetByLabel("Country (ISO code)").FillAsync("ID");
        await steps.Nth(0).GetByLabel("Region").FillAsync("West Kalimantan");
        await steps.Nth(0).GetByLabel("Date").FillAsync("2026-08-01");
        await steps.Nth(2).GetByLabel("Name").FillAsync("Made-up mill");
        await steps.Nth(2).GetByLabel("Country (ISO code)").FillAsync("ID");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create lot" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"Lot {lotCode}");
        var chain = page.GetByRole(AriaRole.Region, new() { Name = "Supply chain" });
        var rows = chain.GetByRole(AriaRole.Row);
        await Expect(rows).ToHaveCountAsync(3); // the header and two steps
        await Expect(rows.Nth(1)).ToContainTextAsync("Origin");
        await Expect(rows.Nth(1)).ToContainTextAsync("Made-up farm cooperative");
        await Expect(rows.Nth(1)).ToContainTextAsync("West Kalimantan");
        await Expect(rows.Nth(1)).ToContainTextAsync("2026-08-01");
        await Expect(rows.Nth(2)).ToContainTextAsync("Processor");
        await Expect(rows.Nth(2)).ToContainTextAsync("Made-up mill");
        await Expect(page.Locator(".lede")).ToContainTextAsync("Quarantined");
        await BrowserSession.ScreenshotAsync(page, $"lot-created-with-supply-chain-{database}");
    }
}
