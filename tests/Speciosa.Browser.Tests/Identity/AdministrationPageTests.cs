using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.Identity;

public sealed class AdministrationPageTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_admin_deactivates_an_account_and_verifies_the_audit_log_from_the_pages(Database database)
    {
        var server = await servers.On(database);
        await using var context = await browser.NewContextAsync(server);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.admin");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "demo.researcher" });

        // Deactivation stops the person's sessions at once: without the confirmation it is refused beside the button.
        await row.GetByRole(AriaRole.Button, new() { Name = "Deactivate demo.researcher" }).ClickAsync();
        row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "demo.researcher" });
        await Expect(row.GetByRole(AriaRole.Alert)).ToContainTextAsync("Tick \"Confirm\" to deactivate demo.researcher");
        await Expect(row).ToContainTextAsync("Active");

        await row.GetByLabel("Confirm deactivating demo.researcher").CheckAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Deactivate demo.researcher" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("demo.researcher deactivated");
        row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "demo.researcher" });
        await Expect(row).ToContainTextAsync("Deactivated");

        // Post, then redirect: a reload shows the list and sends nothing.
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "demo.researcher" })).ToContainTextAsync("Deactivated");
        await BrowserSession.ScreenshotAsync(page, "admin-users");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Audit", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify now" }).ClickAsync();
        await Expect(page.GetByTestId("audit-result")).ToContainTextAsync("Intact");
        // Checking is a read: a reload checks again without offering to resend a form.
        await page.ReloadAsync();
        await Expect(page.GetByTestId("audit-result")).ToContainTextAsync("Intact");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_admin_hands_out_a_reset_link_and_its_owner_sets_a_new_password_on_a_phone(Database database)
    {
        await using var server = await servers.StartAsync(database);
        await using var adminContext = await browser.NewContextAsync(server);
        var admin = await adminContext.NewPageAsync();
        await BrowserSession.SignInAsync(admin, "demo.admin");
        await admin.GotoAsync("/admin/users");

        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "demo.nurse" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Issue password reset link for demo.nurse" }).ClickAsync();
        row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "demo.nurse" });
        await Expect(row.GetByRole(AriaRole.Alert)).ToContainTextAsync("Tick \"Confirm\" to issue a reset link for demo.nurse");
        await row.GetByLabel("Confirm a password reset link for demo.nurse").CheckAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Issue password reset link for demo.nurse" }).ClickAsync();
        var link = await admin.Locator("code.secret").TextContentAsync();
        Assert.Contains("/account/reset-password?user=", link, StringComparison.Ordinal);
        // Shown once: a reload does not show it again.
        await admin.ReloadAsync();
        await Expect(admin.Locator("code.secret")).ToHaveCountAsync(0);

        await using var phone = await browser.NewContextAsync(server, width: 375, height: 740);
        var nurse = await phone.NewPageAsync();
        await nurse.GotoAsync(new Uri(link!).PathAndQuery);
        await nurse.GetByLabel("New password", new() { Exact = true }).FillAsync("iloveyou2024");
        await nurse.GetByLabel("New password again").FillAsync("iloveyou2024");
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(nurse.Locator("#newPassword-problem")).ToContainTextAsync("breached");
        await BrowserSession.ExpectFitsWidthAsync(nurse, "the reset page must fit a 375 px phone");

        await nurse.GetByLabel("New password", new() { Exact = true }).FillAsync("copper lantern meadow 4");
        await nurse.GetByLabel("New password again").FillAsync("copper lantern meadow 4");
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(nurse.GetByRole(AriaRole.Status)).ToContainTextAsync("Your new password is set");
        await BrowserSession.SignInAsync(nurse, "demo.nurse", "copper lantern meadow 4");

        // The link worked once.
        await nurse.GotoAsync(new Uri(link!).PathAndQuery);
        await Expect(nurse.GetByRole(AriaRole.Alert)).ToContainTextAsync("no longer works");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_person_creates_an_access_token_and_sees_the_secret_once(Database database)
    {
        var server = await servers.On(database);
        await using var context = await browser.NewContextAsync(server);
        var page = await context.NewPageAsync();
        // Not demo.researcher: the other test of this class deactivates that account on the shared server.
        await BrowserSession.SignInAsync(page, "demo.quality");

        await page.GetByRole(AriaRole.Link, new() { Name = "Access tokens" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("weekly export");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await Expect(page.GetByTestId("new-token")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^spc_"));
        await BrowserSession.ScreenshotAsync(page, "access-token-created");

        // Post, then redirect: a reload creates no second token and does not show the secret again.
        await page.ReloadAsync();
        await Expect(page.GetByTestId("new-token")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "weekly export" })).ToHaveCountAsync(1);
        await page.GotoAsync("/account/tokens");
        await Expect(page.GetByTestId("new-token")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("weekly export");
    }
}
