using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.Identity;

public sealed class SignInSmokeTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_demo_clinician_signs_in_and_lands_on_the_home_page(Database database)
    {
        var server = await servers.On(database);
        await using var context = await browser.NewContextAsync(server);
        var page = await context.NewPageAsync();

        await BrowserSession.SignInAsync(page, "demo.clinician");

        await Expect(page).ToHaveURLAsync(new Uri(server.BaseAddress, "/").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Dr Casey Clinician (demo)");
        await Expect(page.GetByText("DEMO — made-up people")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "home-clinician");
        Assert.True(File.Exists(Path.Combine(BrowserSession.ScreenshotFolder, "home-clinician.png")));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_wrong_password_shows_a_message_on_a_phone_sized_screen(Database database)
    {
        var server = await servers.On(database);
        await using var context = await browser.NewContextAsync(server, width: 375, height: 740);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("User name").FillAsync("demo.clinician");
        await page.GetByLabel("Password").FillAsync("not-it-12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("user name or password is wrong");
        await BrowserSession.ExpectFitsWidthAsync(page, "The sign-in page scrolls sideways on a 375 px phone.");
        await BrowserSession.ScreenshotAsync(page, "sign-in-wrong-password-phone");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Signing_out_from_the_menu_returns_to_the_sign_in_page(Database database)
    {
        var server = await servers.On(database);
        await using var context = await browser.NewContextAsync(server);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.nurse");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(BrowserSession.SignInUrl());
        await Expect(page.GetByText("You have signed out.")).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(BrowserSession.SignInUrl());
    }
}
