using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.Alerts;

public sealed class AlertWorklistTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    private const string HysLaw = "liver.potential-hys-law";

    /// <summary>Enrols a patient and records a Hy's law panel for them, which raises one critical alert.</summary>
    private static async Task<Guid> PatientWithHysLawAlertAsync(HttpClient api, string given, string family)
    {
        var enrolled = await api.PostAsJsonAsync("/api/patients", new
        {
            givenName = given, familyName = family, dateOfBirth = "1980-02-03", sex = "male", countryCode = "US",
            pregnant = false, breastfeeding = false, planningConception = false, confirmLegalWarning = true,
        });
        enrolled.EnsureSuccessStatusCode();
        var id = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var at = DateTimeOffset.UtcNow.AddHours(-3);
        var labs = await api.PostAsJsonAsync($"/api/patients/{id}/labs", new
        {
            results = new object[]
            {
                new { test = "alt", value = 200m, unit = "U/L", upperLimitOfNormal = 40m, collectedAt = at },
                new { test = "alp", value = 100m, unit = "U/L", upperLimitOfNormal = 120m, collectedAt = at },
                new { test = "total-bilirubin", value = 3.0m, unit = "mg/dL", upperLimitOfNormal = 1.2m, collectedAt = at },
            },
        });
        labs.EnsureSuccessStatusCode();
        return id;
    }

    private static string Name(string family) => $"Quinn {family} ·";

    private static async Task<string> AlertStatusAsync(HttpClient api, Guid patientId)
    {
        var alerts = await api.GetFromJsonAsync<JsonElement>($"/api/alerts?status=all&rule={HysLaw}&patientId={patientId}");
        return alerts.GetProperty("items").EnumerateArray().Single().GetProperty("status").GetString()!;
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_worklist_shows_a_hys_law_alert_with_its_rule_and_source_and_a_clinician_acknowledges_it(Database database)
    {
        var server = await servers.On(database);
        var api = await server.SignedInClientAsync("demo.clinician");
        await PatientWithHysLawAlertAsync(api, "Avery", "Worklist");

        await using var context = await browser.NewContextAsync(server);
        await Axe.AddToAsync(context);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.clinician");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Alerts", Exact = true }).ClickAsync();
        await page.GetByLabel("Severity").SelectOptionAsync("Critical");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("severity=Critical"));

        var card = page.GetByRole(AriaRole.Article, new() { Name = $"Critical alert {HysLaw}" }).Filter(new() { HasText = "Avery Worklist" });
        await Expect(card).ToContainTextAsync(HysLaw);
        await Expect(card).ToContainTextAsync("v1");
        await Expect(card).ToContainTextAsync("Source:");
        await Expect(card).ToContainTextAsync("FDA");
        await BrowserSession.ScreenshotAsync(page, $"alert-worklist-hys-law-{database}");

        // On a 375 px phone the filtered worklist (with its CSV link) fits and axe-core finds nothing serious.
        await page.SetViewportSizeAsync(375, 812);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" })).ToBeVisibleAsync();
        await BrowserSession.ExpectFitsWidthAsync(page, "The alert worklist scrolls sideways on a 375 px phone.");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await page.SetViewportSizeAsync(1280, 900);

        await card.GetByLabel("Note or reason").FillAsync("Phoned patient; repeat panel and hepatitis serology today.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Alert acknowledged.");

        // It has left the open list, and is found among the acknowledged ones with who acknowledged it.
        await page.GotoAsync($"/alerts?status=open&rule={HysLaw}");
        await Expect(page.GetByRole(AriaRole.Article).Filter(new() { HasText = "Avery Worklist" })).ToHaveCountAsync(0);
        await page.GotoAsync($"/alerts?status=acknowledged&rule={HysLaw}");
        var acknowledged = page.GetByRole(AriaRole.Article, new() { Name = $"Critical alert {HysLaw}" }).Filter(new() { HasText = "Avery Worklist" });
        await Expect(acknowledged).ToContainTextAsync("Dr Casey Clinician (demo)");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task On_a_worklist_of_twenty_one_alerts_a_clinician_acknowledges_and_then_resolves_the_eighth_and_only_that_one_changes(Database database)
    {
        var server = await servers.On(database);
        var api = await server.SignedInClientAsync("demo.clinician");
        // 21 patients "Quinn Manyalerts A" … "Quinn Manyalerts U", one critical alert each.
        var patients = new Dictionary<string, Guid>(StringComparer.Ordinal);
        for (var n = 0; n < 21; n++)
        {
            var family = $"Manyalerts {(char)('A' + n)}";
            patients[family] = await PatientWithHysLawAlertAsync(api, "Quinn", family);
        }

        await using var context = await browser.NewContextAsync(server);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.clinician");
        await page.GotoAsync($"/alerts?severity=Critical&rule={HysLaw}");
        var cards = page.GetByRole(AriaRole.Article, new() { Name = $"Critical alert {HysLaw}" }).Filter(new() { HasText = "Quinn Manyalerts" });
        await Expect(cards).ToHaveCountAsync(21);

        // The eighth card on the page, whichever patient the worklist put there. A card reads "[Critical] Quinn Manyalerts H · open · …".
        var eighth = await cards.Nth(7).InnerTextAsync();
        var target = patients.Keys.Single(family => eighth.Contains(Name(family), StringComparison.Ordinal));
        var card = cards.Filter(new() { HasText = Name(target) });
        await card.GetByLabel("Note or reason").FillAsync("Seen in clinic; repeat panel booked.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Alert acknowledged.");
        await Expect(cards).ToHaveCountAsync(20);
        await BrowserSession.ScreenshotAsync(page, $"alert-worklist-many-{database}");

        Assert.Equal("acknowledged", await AlertStatusAsync(api, patients[target]));
        foreach (var id in patients.Where(p => p.Key != target).Select(p => p.Value))
        {
            Assert.Equal("open", await AlertStatusAsync(api, id));
        }

        // Resolve it from the list of active alerts, where all 21 are shown again.
        await page.GotoAsync($"/alerts?severity=Critical&status=active&rule={HysLaw}");
        await Expect(cards).ToHaveCountAsync(21);
        var active = cards.Filter(new() { HasText = Name(target) });
        await Expect(active).ToContainTextAsync("Acknowledged by Dr Casey Clinician (demo)");
        await active.GetByLabel("Note or reason").FillAsync("Repeat panel normal; resolved.");

        // Resolving is final: without the confirmation it is refused beside the button, and the note is kept.
        await active.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();
        var refused = cards.Filter(new() { HasText = Name(target) });
        await Expect(refused.GetByRole(AriaRole.Alert)).ToContainTextAsync("Resolving cannot be undone");
        await Expect(refused.GetByLabel("Note or reason")).ToHaveValueAsync("Repeat panel normal; resolved.");
        Assert.Equal("acknowledged", await AlertStatusAsync(api, patients[target]));

        await refused.GetByLabel("Resolving cannot be undone").CheckAsync();
        await refused.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Alert resolved.");

        // Post, then redirect: a reload shows the list again and sends nothing.
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Alert resolved.");
        await Expect(cards).ToHaveCountAsync(20);
        await Expect(cards.Filter(new() { HasText = Name(target) })).ToHaveCountAsync(0);

        Assert.Equal("resolved", await AlertStatusAsync(api, patients[target]));
        foreach (var id in patients.Where(p => p.Key != target).Select(p => p.Value))
        {
            Assert.Equal("open", await AlertStatusAsync(api, id));
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Three_alike_alerts_are_one_card_acknowledged_together_on_a_phone_and_a_reload_sends_nothing(Database database)
    {
        const string rule = "test.browser-alike";
        var server = await servers.On(database);
        var api = await server.SignedInClientAsync("demo.clinician");
        var patientId = await PatientWithHysLawAlertAsync(api, "Robin", "Alike");
        await server.QueryAsync(async db =>
        {
            var clinicId = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Patients.Where(p => p.Id == patientId).Select(p => p.ClinicId));
            for (var k = 0; k < 3; k++)
            {
                db.Alerts.Add(new Speciosa.Web.Alerts.RaisedAlert
                {
                    Id = Guid.NewGuid(), ClinicId = clinicId, PatientId = patientId, RuleId = rule, RuleVersion = 1, Severity = "Critical", SeverityRank = 3,
                    ConditionKey = $"k{k}", Message = $"Made-up alike condition {k}.", Threshold = "made up", SourceCitation = "Test source",
                    InputsJson = JsonSerializer.Serialize(new[] { new Speciosa.Web.Alerts.AlertInputView("Seriousness", "LifeThreatening") }),
                    Status = "open", RaisedAt = DateTimeOffset.UtcNow.AddMinutes(-k), ConcurrencyStamp = Guid.NewGuid(),
                });
            }

            return await db.SaveChangesAsync();
        });

        await using var context = await browser.NewContextAsync(server);
        await Axe.AddToAsync(context);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(375, 812);
        await BrowserSession.SignInAsync(page, "demo.clinician");
        await page.GotoAsync($"/alerts?rule={rule}");
        var card = page.GetByRole(AriaRole.Article, new() { Name = $"Critical alert {rule}, 3 alike" });
        await Expect(card).ToContainTextAsync("3 alike alerts");
        await Expect(card).ToContainTextAsync("Seriousness: Life threatening");
        await BrowserSession.ExpectFitsWidthAsync(page, "The grouped alert worklist scrolls sideways on a 375 px phone.");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await BrowserSession.ScreenshotAsync(page, $"alert-worklist-alike-{database}");

        await card.GetByLabel("Select").CheckAsync();
        await page.GetByLabel("Note for every selected alert").FillAsync("Reviewed together at the huddle.");
        await page.GetByLabel("Acknowledge every selected alert with this note").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge selected" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("3 alerts acknowledged.");
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("3 alerts acknowledged.");
        Assert.Equal(3, (await api.GetFromJsonAsync<JsonElement>($"/api/alerts?status=acknowledged&rule={rule}&patientId={patientId}")).GetProperty("total").GetInt32());
        Assert.Equal(3, await server.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.AuditEntries.Where(e => e.Action == "alert.acknowledge" && e.PatientId == patientId))));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_audit_search_page_passes_axe_on_a_phone_beside_the_chain_verification(Database database)
    {
        var server = await servers.On(database);
        await using var context = await browser.NewContextAsync(server);
        await Axe.AddToAsync(context);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(375, 812);
        await BrowserSession.SignInAsync(page, "demo.admin");
        await page.GotoAsync("/admin/audit?verify=1");
        await page.GetByLabel("Action (exact, e.g. alert.acknowledge)").FillAsync("auth.sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" })).ToBeVisibleAsync();
        await BrowserSession.ExpectFitsWidthAsync(page, "The audit search scrolls sideways on a 375 px phone.");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
    }
}
