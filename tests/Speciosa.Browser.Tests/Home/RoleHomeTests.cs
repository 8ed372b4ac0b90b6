using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.Home;

/// <summary>Issue 15 item 1: each role lands on a board of counts, each a link to the list that shows exactly those rows (ux review
/// sections 1, 2, 4, 5: the "being built next" placeholder is gone). Every count is checked against the rows its list shows,
/// following the list's pages; the board passes axe-core at desktop width and on a 375 px phone.</summary>
public sealed class RoleHomeTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_clinicians_home_counts_open_alerts_by_severity_doses_assessments_tests_and_reports_each_as_many_as_its_list_shows(Database database)
    {
        var page = await HomeAsync(database, "demo.clinician");
        await Expect(page.Locator("#tile-open-alerts li.home-count").First).ToContainTextAsync("Critical");
        await Expect(page.Locator("#tile-open-alerts .tone-critical")).ToHaveCountAsync(1);
        foreach (var tile in new[] { "#tile-today-round", "#tile-tests-due", "#tile-patient-reports" })
        {
            await Expect(page.Locator(tile)).ToBeVisibleAsync();
        }

        Assert.True(await CountsMatchTheirListsAsync(page) >= 12);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_nurses_home_counts_doses_and_assessments_due_and_patients_without_a_check_in_each_as_many_as_its_list_shows(Database database)
    {
        var page = await HomeAsync(database, "demo.nurse");
        await Expect(page.Locator("#tile-today-round")).ToContainTextAsync("Doses due today");
        await Expect(page.Locator("#tile-patient-reports")).ToContainTextAsync("Patients without a check-in today");
        Assert.True(await CountsMatchTheirListsAsync(page) >= 12);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_quality_home_counts_lots_awaiting_a_certificate_or_release_and_recalls_in_progress_each_as_many_as_its_list_shows(Database database)
    {
        var page = await HomeAsync(database, "demo.quality");
        await Expect(page.Locator("#tile-lots")).ToContainTextAsync("Recalls in progress");
        await Expect(page.Locator("#tile-open-alerts")).ToHaveCountAsync(0);
        Assert.Equal(3, await CountsMatchTheirListsAsync(page));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_administrators_home_counts_accounts_stale_and_recently_changed_registry_entries_and_changes_awaiting_a_second_admin_as_their_lists_show(Database database)
    {
        // A change to the registry and a ban waiting for a second administrator, so neither count is an empty list.
        var server = await servers.On(database);
        var api = await server.SignedInClientAsync("demo.admin");
        const string utah = "us-ut-2019-05-14";
        var read = await api.GetFromJsonAsync<JsonObject>($"/api/jurisdictions/{utah}");
        var entry = read!["entry"]!.AsObject();
        entry["note"] = "Re-read for the home board test (made up).";
        var saved = await api.PutAsJsonAsync($"/api/jurisdictions/{utah}", new { reason = "Wording only", concurrencyStamp = read["concurrencyStamp"]!.GetValue<string>(), entry });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = (await saved.Content.ReadFromJsonAsync<JsonObject>())!;
        var raised = after["entry"]!.AsObject();
        raised["minimumAge"] = 25;
        Assert.Equal(HttpStatusCode.Accepted, (await api.PutAsJsonAsync($"/api/jurisdictions/{utah}",
            new { reason = "Age raised (made-up test)", concurrencyStamp = after["concurrencyStamp"]!.GetValue<string>(), entry = raised })).StatusCode);

        var page = await HomeAsync(database, "demo.admin");
        await Expect(page.Locator("#tile-audit")).ToContainTextAsync("chain intact");
        await Expect(page.Locator("#tile-registry a", new() { HasText = "Registry entries changed recently" })).Not.ToHaveAttributeAsync("data-count", "0");
        await Expect(page.Locator("#tile-registry a", new() { HasText = "Registry changes awaiting a second administrator" })).Not.ToHaveAttributeAsync("data-count", "0");
        Assert.Equal(4, await CountsMatchTheirListsAsync(page));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_researchers_home_counts_the_cohort_as_the_research_page_does(Database database)
    {
        var page = await HomeAsync(database, "demo.researcher");
        var link = page.Locator("#tile-research a").First;
        var shown = await link.GetAttributeAsync("data-count") ?? "";
        Assert.Matches("^(<11|[0-9]+)$", shown);
        await link.ClickAsync();
        await Expect(page.Locator("#cohort-people")).ToBeVisibleAsync();

        // The same figure as the research page, small cells suppressed alike (issue 16: 1 to 10 show as "<11").
        await Expect(page.Locator("#cohort-total")).ToHaveTextAsync($"Patients in this clinic: {shown}.");
    }

    /// <summary>Signs in, checks the home page with axe at desktop width and at 375 px (and that it fits the phone), and returns
    /// the page at desktop width on the home page.</summary>
    private async Task<IPage> HomeAsync(Database database, string user)
    {
        var server = await servers.On(database);
        var context = await browser.NewContextAsync(server);
        await Axe.AddToAsync(context);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, user);
        await page.GotoAsync("/");
        await Expect(page.Locator("section.home-board")).ToBeVisibleAsync();
        await Expect(page.GetByText("being built")).ToHaveCountAsync(0);
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await BrowserSession.ScreenshotAsync(page, $"home-{user}-{database}");
        await page.SetViewportSizeAsync(375, 812);
        await page.ReloadAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await BrowserSession.ExpectFitsWidthAsync(page, $"{user}'s home must fit a 375 px phone");
        await page.SetViewportSizeAsync(1280, 900);
        return page;
    }

    /// <summary>Opens every count of the board that names how its list marks a row, counts the rows over all its pages (an element
    /// with <c>data-rows</c> stands for that many), and asserts each equals its count; returns how many counts were checked. Each new
    /// plain list (marked <c>[data-row]</c>) is also checked with axe.</summary>
    private static async Task<int> CountsMatchTheirListsAsync(IPage page)
    {
        var counts = await page.EvaluateAsync<string[][]>("""
            () => Array.from(document.querySelectorAll('.home-count a[data-row-selector]'))
              .filter(a => a.dataset.rowSelector)
              .map(a => [a.getAttribute('href'), a.dataset.count, a.dataset.rowSelector, a.textContent.trim()])
            """);
        foreach (var (href, expected, selector, label) in counts.Select(c => (c[0], int.Parse(c[1], CultureInfo.InvariantCulture), c[2], c[3])))
        {
            await page.GotoAsync(href);
            var rows = 0;
            for (var pages = 1; ; pages++)
            {
                await Expect(page.Locator("h1")).ToBeVisibleAsync();
                rows += await page.EvaluateAsync<int>(
                    "sel => Array.from(document.querySelectorAll(sel)).reduce((s, e) => s + (e.dataset.rows ? parseInt(e.dataset.rows, 10) : 1), 0)", selector);
                if (pages == 1 && selector == "[data-row]")
                {
                    Assert.Empty(await Axe.SeriousViolationsAsync(page));
                }

                var next = page.GetByRole(AriaRole.Link, new() { Name = "Next page", Exact = true });
                if (await next.CountAsync() == 0)
                {
                    break;
                }

                await next.First.ClickAsync();
                await page.WaitForLoadStateAsync();
            }

            Assert.True(expected == rows, $"\"{label}\" counts {expected} but {href} shows {rows} row(s)");
        }

        return counts.Length;
    }
}
