using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Browser.Tests;

public sealed class AdministrationPageTests(BrowserSession browser)
{
    [Fact]
    public async Task An_admin_deactivates_an_account_and_verifies_the_audit_log_from_the_pages()
    {
        await using var server = await SpeciosaServer.StartAsync();
        await using var context = await browser.NewContextAsync(server);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.admin");

        await page.GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "demo.researcher" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Deactivate demo.researcher" }).ClickAsync();
        row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "demo.researcher" });
        Assert.Contains("Deactivated", await row.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSession.ScreenshotAsync(page, "admin-users");

        await page.GetByRole(AriaRole.Link, new() { Name = "Audit" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify now" }).ClickAsync();
        Assert.Contains("Intact", await page.GetByTestId("audit-result").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_creates_an_access_token_and_sees_the_secret_once()
    {
        await using var server = await SpeciosaServer.StartAsync();
        await using var context = await browser.NewContextAsync(server);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.researcher");

        await page.GetByRole(AriaRole.Link, new() { Name = "Access tokens" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("weekly export");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var secret = await page.GetByTestId("new-token").InnerTextAsync();
        Assert.StartsWith("spc_", secret, StringComparison.Ordinal);
        await BrowserSession.ScreenshotAsync(page, "access-token-created");

        await page.GotoAsync("/account/tokens");
        Assert.Equal(0, await page.GetByTestId("new-token").CountAsync());
        Assert.Contains("weekly export", await page.GetByRole(AriaRole.Table).InnerTextAsync(), StringComparison.Ordinal);
    }
}
