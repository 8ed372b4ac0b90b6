using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Browser.Tests.Crawling;

/// <summary>Issue 11 item 6: a crawler signs in as each demo role, visits every page it can reach over links and
/// submits every form twice (valid-looking, then emptied), reloading each result. Each role gets a fresh demo
/// server, so one role's destructive actions (deactivating users, recalling lots) cannot break another's crawl.
/// SQLite only: the six crawls take minutes on a 2-core machine, and a second run on PostgreSQL would push
/// `dotnet test` toward its time budget (the other browser tests already cover both databases).
/// Every kind of page, and every form's result, is also checked with axe-core: no serious or critical violation.</summary>
public sealed class SiteCrawlTests(BrowserSession browser)
{
    public static TheoryData<string> Roles =>
        ["demo.admin", "demo.clinician", "demo.nurse", "demo.quality", "demo.researcher", "demo.patient"];

    [Theory, MemberData(nameof(Roles))]
    public async Task Every_page_and_form_a_demo_account_reaches_answers_without_server_or_console_errors_passes_axe_fits_the_screen_and_a_reload_writes_nothing_twice(string account)
    {
        await using var server = await SpeciosaServer.StartAsync(
            settings: new Dictionary<string, string> { ["Safety:SweepEnabled"] = "false", ["Reminders:Enabled"] = "false" });
        var isPatient = account == "demo.patient";
        // The browser runs in the clinic's time zone, as a clinic's staff and patients do: the pages read a typed
        // date and time in that zone, and "now" in another zone would be refused as in the future.
        var zone = await server.QueryAsync(db => db.Clinics.Where(c => c.IsDemo).Select(c => c.TimeZone).SingleAsync());
        await using var context = isPatient
            ? await browser.NewContextAsync(server, width: 375, height: 812, timeZone: zone)
            : await browser.NewContextAsync(server, timeZone: zone);
        await Axe.AddToAsync(context);
        var page = await context.NewPageAsync();
        var seeds = new List<string> { "/" };
        if (isPatient)
        {
            // No link leads a patient to their own record yet; the portal is reached from the address.
            var own = await server.QueryAsync(db => db.Patients
                .Where(p => p.PortalUserId == db.Users.Where(u => u.UserName == account).Select(u => u.Id).First())
                .Select(p => p.Id).FirstAsync());
            seeds.Add($"/patients/{own}");
        }

        var crawler = new SiteCrawler(server, page, account) { CheckWidth = isPatient, CheckAccessibility = true };
        await crawler.RunAsync(seeds);

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"{account}: visited {crawler.VisitedUrls.Count} page(s), submitted {crawler.FormsSubmitted} form(s).");
        foreach (var url in crawler.VisitedUrls)
        {
            output?.WriteLine("  visited " + url);
        }

        foreach (var line in crawler.Trace)
        {
            output?.WriteLine("  form " + line);
        }

        foreach (var note in crawler.Notes)
        {
            output?.WriteLine("  note: " + note);
        }

        if (crawler.Findings.Count > 0)
        {
            Assert.Fail(CrawlReport.Format(account, crawler.Findings));
        }
    }
}
