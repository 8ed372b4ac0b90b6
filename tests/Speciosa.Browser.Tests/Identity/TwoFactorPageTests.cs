using Microsoft.Playwright;
using Speciosa.Testing;
using Speciosa.Web.Identity;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.Identity;

/// <summary>The TOTP second factor from a phone: set up from the menu (QR and key, a wrong code refused beside the field,
/// the recovery codes shown once), then the sign-in's code step, where a recovery code works, and an Admin's reset.</summary>
public sealed class TwoFactorPageTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_person_sets_up_a_second_factor_on_a_phone_signs_in_with_a_recovery_code_and_an_admin_resets_it(Database database)
    {
        // Its own server: a second factor on a shared demo account would change every other test's sign-in.
        await using var server = await servers.StartAsync(database);
        await using var context = await browser.NewContextAsync(server, width: 375, height: 740);
        await Axe.AddToAsync(context);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.quality");

        await page.GetByRole(AriaRole.Link, new() { Name = "Second factor" }).ClickAsync();
        var key = await page.Locator("#secret-key").InnerTextAsync();
        await Expect(page.Locator("svg").First).ToBeVisibleAsync();
        await page.GetByLabel("Code from the app").FillAsync("12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on the second factor" }).ClickAsync();

        await Expect(page.Locator("#code-problem")).ToBeVisibleAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await page.GetByLabel("Code from the app").FillAsync(TotpCodes.Compute(TotpCodes.FromBase32(key), DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on the second factor" }).ClickAsync();

        var codes = page.GetByRole(AriaRole.List, new() { Name = "Recovery codes" }).GetByRole(AriaRole.Listitem);
        await Expect(codes).ToHaveCountAsync(10);
        var recovery = (await codes.First.InnerTextAsync()).Trim();
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await BrowserSession.ExpectFitsWidthAsync(page, "the second-factor page must fit a 375 px phone");
        Assert.True(await server.HasTwoFactorAsync("demo.quality"));
        // The confirmation redirected: a reload asks again for the page, not the post, and the codes were shown once.
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Recovery codes" })).ToHaveCountAsync(0);
        await Expect(page.GetByText("Your second factor is on")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("User name").FillAsync("demo.quality");
        await page.GetByLabel("Password").FillAsync(SpeciosaServer.DemoPassword);
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in/code"));
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await BrowserSession.ExpectFitsWidthAsync(page, "the code step must fit a 375 px phone");
        await BrowserSession.EnterCodeAsync(page, recovery);

        await Expect(page).ToHaveURLAsync(new Uri(server.BaseAddress, "/").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Quinn Quality (demo)");

        // An Admin resets it from the users page on a phone: without the tick nothing happens, with it the factor is gone.
        await using var adminContext = await browser.NewContextAsync(server, width: 375, height: 740);
        await Axe.AddToAsync(adminContext);
        var admin = await adminContext.NewPageAsync();
        await BrowserSession.SignInAsync(admin, "demo.admin");
        await admin.GotoAsync("/admin/users");
        var reset = admin.GetByRole(AriaRole.Button, new() { Name = "Reset second factor of demo.quality" });
        await reset.ClickAsync();
        await Expect(admin.GetByText("Tick \"Confirm\" to reset the second factor of demo.quality")).ToBeVisibleAsync();
        Assert.True(await server.HasTwoFactorAsync("demo.quality"));
        Assert.Empty(await Axe.SeriousViolationsAsync(admin));
        await admin.GetByLabel("Confirm resetting the second factor of demo.quality").CheckAsync();
        await reset.ClickAsync();

        await Expect(admin.GetByText("Second factor of demo.quality reset")).ToBeVisibleAsync();
        Assert.False(await server.HasTwoFactorAsync("demo.quality"));
        // The reset redirected to a GET whose address carries the outcome: a reload shows it again and posts nothing.
        await Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/users\\?done=two-factor-reset"));
        await admin.ReloadAsync();
        await Expect(admin.GetByText("Second factor of demo.quality reset")).ToBeVisibleAsync();
        Assert.False(await server.HasTwoFactorAsync("demo.quality"));
        Assert.Empty(await Axe.SeriousViolationsAsync(admin));
        await BrowserSession.ExpectFitsWidthAsync(admin, "the users page must fit a 375 px phone");
    }
}
