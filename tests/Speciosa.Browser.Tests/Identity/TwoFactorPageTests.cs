using Microsoft.Playwright;
using Speciosa.Testing;
using Speciosa.Web.Identity;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.Identity;

/// <summary>The TOTP second factor from a phone: set up from the menu (QR and key, a wrong code refused beside the field,
/// the recovery codes shown once), then the sign-in's code step, where a recovery code works.</summary>
public sealed class TwoFactorPageTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_person_sets_up_a_second_factor_on_a_phone_and_then_signs_in_with_a_recovery_code(Database database)
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

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("User name").FillAsync("demo.quality");
        await page.GetByLabel("Password").FillAsync(SpeciosaServer.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in/code"));
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await BrowserSession.ExpectFitsWidthAsync(page, "the code step must fit a 375 px phone");
        await BrowserSession.EnterCodeAsync(page, recovery);

        await Expect(page).ToHaveURLAsync(new Uri(server.BaseAddress, "/").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Quinn Quality (demo)");
    }
}
