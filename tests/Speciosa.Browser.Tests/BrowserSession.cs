using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;

[assembly: AssemblyFixture(typeof(Speciosa.Browser.Tests.BrowserSession))]

// Every browser test runs on SQLite and on PostgreSQL (DemoServers, BothDatabases in Speciosa.Testing).
[assembly: AssemblyFixture(typeof(PostgresCluster))]

// One browser test at a time: each starts a server and drives Chromium, and in parallel on two cores they
// starve each other into timeouts.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Speciosa.Browser.Tests;

/// <summary>Debian's Chromium driven by Playwright (never a downloaded browser). The path comes from
/// SPECIOSA_CHROMIUM, else /usr/bin/chromium. Without it, browser tests skip with the reason, or fail
/// when SPECIOSA_REQUIRE_BROWSER=1.</summary>
public sealed class BrowserSession : IAsyncLifetime
{
    private IPlaywright? playwright;

    public IBrowser? Browser { get; private set; }
    public string? UnavailableReason { get; private set; }

    /// <summary>Screenshots land here, under the test output, for people to look at.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>How long an Expect assertion (and <see cref="ExpectTrueAsync"/>) retries before it fails: pages render
    /// on a loaded 2-core machine next to a server and a database.</summary>
    public const float ExpectTimeout = 60_000;

    public async ValueTask InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable("SPECIOSA_CHROMIUM");
        if (string.IsNullOrEmpty(path))
        {
            path = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        }

        if (path is null || !File.Exists(path))
        {
            UnavailableReason = "Chromium was not found (install Debian's 'chromium' package or set SPECIOSA_CHROMIUM).";
            return;
        }

        Assertions.SetDefaultExpectTimeout(ExpectTimeout);
        try
        {
            playwright = await Playwright.CreateAsync();
            Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                // The machine has no network but loopback: keep Chromium from reaching out.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
            });
        }
        catch (PlaywrightException ex)
        {
            UnavailableReason = $"Chromium at {path} could not be started: {ex.Message}";
        }
    }

    /// <summary>A fresh browser context (own cookies) at the given viewport, or a skip/fail. <paramref name="timeZone"/>
    /// (an IANA id) sets the browser's clock zone, e.g. the clinic's, so "now" typed into a form is the clinic's now.</summary>
    public async Task<IBrowserContext> NewContextAsync(SpeciosaServer server, int width = 1280, int height = 900, string? timeZone = null)
    {
        if (Browser is null)
        {
            TestEnvironment.SkipOrFail(TestEnvironment.RequireBrowser, UnavailableReason ?? "Chromium is not available.");
        }

        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            TimezoneId = timeZone,
        });
        // Pages render on a loaded 2-core machine next to a server and a database: be patient, not flaky.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>Signs in through the real sign-in form; for an account with a second factor (demo.admin) through the code
    /// step too, with a code computed from the demo's secret by the test server the page is on.</summary>
    public static async Task SignInAsync(IPage page, string userName, string password = SpeciosaServer.DemoPassword)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal) || url.Contains("/account/sign-in/code", StringComparison.Ordinal));
        if (page.Url.Contains("/account/sign-in/code", StringComparison.Ordinal))
        {
            var server = SpeciosaServer.At(page.Url) ?? throw new InvalidOperationException($"No test server runs at {page.Url}.");
            await EnterCodeAsync(page, await server.NextTotpCodeAsync(userName));
        }

        await Assertions.Expect(page).Not.ToHaveURLAsync(SignInUrl());
    }

    /// <summary>A patient's first sign-in opens the portal consent before any other page (issue 14): ticks it and agrees,
    /// as the patient would, and waits to leave the page.</summary>
    public static async Task GiveConsentAsync(IPage page)
    {
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/my/consent$"));
        await page.Locator("#accept").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Agree and continue" }).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/my/consent$"));
    }

    /// <summary>Fills and sends the sign-in's code step.</summary>
    public static async Task EnterCodeAsync(IPage page, string code)
    {
        await page.GetByLabel("Code from your app, or a recovery code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify and sign in" }).ClickAsync();
    }

    /// <summary>For what no Expect matcher checks (layout): waits, retrying as an Expect assertion does, until
    /// <paramref name="predicate"/> (a JavaScript function without arguments) is true on the page, and fails with
    /// <paramref name="failure"/> when it is still false at <see cref="ExpectTimeout"/>.</summary>
    public static async Task ExpectTrueAsync(IPage page, string predicate, string failure)
    {
        try
        {
            await page.WaitForFunctionAsync(predicate, null, new() { Timeout = ExpectTimeout });
        }
        catch (TimeoutException)
        {
            Assert.Fail(failure);
        }
    }

    /// <summary>Fails unless the page fits its viewport's width (does not scroll sideways), retrying while the
    /// layout settles. The failure says <paramref name="failure"/> and how wide the page is.</summary>
    public static async Task ExpectFitsWidthAsync(IPage page, string failure)
    {
        try
        {
            await page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= window.innerWidth", null, new() { Timeout = ExpectTimeout });
        }
        catch (TimeoutException)
        {
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            Assert.Fail($"{failure} (the page is {widths[0]} px wide on a {widths[1]} px viewport)");
        }
    }

    /// <summary>Matches the sign-in page's address.</summary>
    public static System.Text.RegularExpressions.Regex SignInUrl() => new("/account/sign-in");

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}
