using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Browser.Tests;

public sealed class ProductPagesTests(BrowserSession browser)
{
    [Fact]
    public async Task A_clinician_opens_the_failing_demo_lot_and_sees_the_lead_row_marked_out_of_limit_and_the_fail_verdict()
    {
        await using var server = await SpeciosaServer.StartAsync();
        await using var context = await browser.NewContextAsync(server);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.clinician");

        await page.GetByRole(AriaRole.Link, new() { Name = "Products" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Green Vein Leaf Powder (demo)" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "DEMO-GL-002" }).ClickAsync();

        Assert.Contains("Lot DEMO-GL-002", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync(), StringComparison.Ordinal);
        var coa = page.GetByTestId("coa");
        Assert.True(await coa.IsVisibleAsync());
        var leadRow = coa.GetByRole(AriaRole.Row).Filter(new() { HasText = "lead" });
        Assert.Contains("Out of limit", await leadRow.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await coa.GetByTestId("out-of-limit").CountAsync());
        Assert.Contains("Fail", await page.GetByTestId("verdict").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("µg/day", await page.Locator(".reasons").InnerTextAsync(), StringComparison.Ordinal);
        // Read-only for a clinician: no release or recall buttons.
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Release lot" }).CountAsync());
        await BrowserSession.ScreenshotAsync(page, "lot-failing-clinician");
    }

    [Fact]
    public async Task Quality_staff_trying_to_release_the_failing_lot_on_a_phone_are_told_why_it_is_refused()
    {
        await using var server = await SpeciosaServer.StartAsync();
        await using var context = await browser.NewContextAsync(server, width: 375, height: 800);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.quality");
        await page.GotoAsync("/products");
        await page.GetByRole(AriaRole.Link, new() { Name = "Green Vein Leaf Powder (demo)" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "DEMO-GL-002" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Release lot" }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        Assert.Contains("cannot be released", await alert.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("lead", await alert.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Quarantined", await page.Locator(".lede").InnerTextAsync(), StringComparison.Ordinal);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The lot page scrolls sideways on a 375 px phone.");
        await BrowserSession.ScreenshotAsync(page, "lot-release-refused-phone");
    }
}
