using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Safety;

public sealed class SafetyTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private sealed class OnRegimenSince(DateTimeOffset start) : IRegimenStatus
    {
        public Task<RegimenState> ForPatientAsync(Guid patientId, CancellationToken ct) =>
            Task.FromResult(new RegimenState(true, start, "test regimen"));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_serious_adverse_event_alerts_at_once_and_exports_a_medwatch_draft(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Seizure");

        var mild = await client.PostAsJsonAsync($"/api/patients/{id}/adverse-events", new
        {
            termId = "agitation", grade = 1, onset = DateTimeOffset.UtcNow.AddHours(-5), outcome = "recovered", relatedness = "possible",
            resolvedAt = DateTimeOffset.UtcNow.AddHours(-1), seriousnessCriteria = Array.Empty<string>(), actionTaken = "none",
        });
        Assert.Equal(HttpStatusCode.Created, mild.StatusCode);
        Assert.Empty((await mild.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("raisedAlerts").EnumerateArray());

        var serious = await client.PostAsJsonAsync($"/api/patients/{id}/adverse-events", new
        {
            otherTerm = "Generalised seizure", grade = 3, onset = DateTimeOffset.UtcNow.AddHours(-2), outcome = "recovering", relatedness = "probable",
            seriousnessCriteria = new[] { "hospitalisation" }, actionTaken = "withdrawn", description = "Admitted overnight.",
        });
        Assert.Equal(HttpStatusCode.Created, serious.StatusCode);
        var body = await serious.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("event").GetProperty("serious").GetBoolean());
        var alert = Assert.Single(body.GetProperty("raisedAlerts").EnumerateArray());
        Assert.Equal("safety.adverse-event-serious", alert.GetProperty("ruleId").GetString());
        Assert.Equal("High", alert.GetProperty("severity").GetString());
        Assert.Single(await AlertTestData.AlertsAsync(client, id, "safety.adverse-event-serious", "open"));

        var bad = await client.PostAsJsonAsync($"/api/patients/{id}/adverse-events", new
        {
            termId = "agitation", grade = 7, onset = DateTimeOffset.UtcNow, outcome = "fine", relatedness = "possible", actionTaken = "none",
        });
        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("grade", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("outcome", problem.GetRawText(), StringComparison.Ordinal);

        var eventId = body.GetProperty("event").GetProperty("id").GetGuid();
        var export = await client.GetAsync($"/api/patients/{id}/adverse-events/{eventId}/medwatch");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        var form = await export.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("TS", form.GetProperty("sectionA_patient").GetProperty("identifier").GetString());
        Assert.Contains("Generalised seizure", form.GetProperty("sectionB_adverseEvent").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("withdrawn", form.GetProperty("sectionE_suspectProduct").GetProperty("actionTaken").GetString());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_periodic_sweep_raises_the_first_liver_panel_overdue_two_weeks_after_starting_once_and_a_new_panel_clears_it(Database database)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var start = clock.GetUtcNow().AddDays(-1);
        await using var server = await servers.StartAsync(database, clock: clock,
            settings: new Dictionary<string, string> { ["Liver:PanelEveryWeeks"] = "4", ["Safety:SweepEnabled"] = "false" },
            services: s => s.AddScoped<IRegimenStatus>(_ => new OnRegimenSince(start)));
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Overdue");
        var baseline = await client.PostAsJsonAsync($"/api/patients/{id}/labs", new
        {
            results = new[] { new { test = "alt", value = 30m, unit = "U/L", upperLimitOfNormal = 40m, collectedAt = start.AddDays(-2), isBaseline = true } },
        });
        Assert.Equal(HttpStatusCode.Created, baseline.StatusCode);

        async Task<SweepOutcome> SweepAsync()
        {
            await using var scope = server.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<SafetySweep>().RunAsync(CancellationToken.None);
        }

        await SweepAsync();
        Assert.Empty(await AlertTestData.AlertsAsync(client, id, "liver.panel-overdue"));

        // The first panel on the regimen is due 2 weeks after starting (median latency of kratom liver injury 14 d, DILIN; audit E14).
        clock.Advance(TimeSpan.FromDays(14));
        client = await server.SignedInClientAsync("demo.clinician"); // the idle session ended with the clock's jump
        Assert.True((await SweepAsync()).Ran);
        await SweepAsync();
        var overdue = Assert.Single(await AlertTestData.AlertsAsync(client, id, "liver.panel-overdue"));
        Assert.Equal("open", overdue.GetProperty("status").GetString());
        Assert.Contains("within 2 weeks of starting", overdue.GetProperty("threshold").GetString(), StringComparison.Ordinal);
        Assert.Contains("14 days", overdue.GetProperty("message").GetString(), StringComparison.Ordinal);

        var panel = await client.PostAsJsonAsync($"/api/patients/{id}/labs", new
        {
            results = new[] { new { test = "alt", value = 32m, unit = "U/L", upperLimitOfNormal = 40m, collectedAt = clock.GetUtcNow().AddHours(-1) } },
        });
        Assert.Equal(HttpStatusCode.Created, panel.StatusCode);
        var cleared = Assert.Single(await AlertTestData.AlertsAsync(client, id, "liver.panel-overdue"));
        Assert.Equal("resolved", cleared.GetProperty("status").GetString());
        Assert.True(cleared.GetProperty("resolvedAutomatically").GetBoolean());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_pregnant_patient_on_a_regimen_alerts_citing_neonatal_abstinence_reports(Database database)
    {
        await using var server = await servers.StartAsync(database, 
            settings: new Dictionary<string, string> { ["Safety:SweepEnabled"] = "false" },
            services: s => s.AddScoped<IRegimenStatus>(_ => new OnRegimenSince(DateTimeOffset.UtcNow.AddDays(-3))));
        var client = await server.SignedInClientAsync("demo.clinician");
        var response = await client.PostAsJsonAsync("/api/patients", new
        {
            givenName = "Test", familyName = "Expecting", dateOfBirth = "1990-01-01", sex = "female", countryCode = "US",
            pregnant = true, breastfeeding = false, planningConception = false, confirmLegalWarning = true,
        });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        await using (var scope = server.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SafetySweep>().RunAsync(CancellationToken.None);
        }

        var alert = Assert.Single(await AlertTestData.AlertsAsync(client, id, "safety.pregnant-on-regimen"));
        var message = alert.GetProperty("message").GetString()!;
        Assert.Contains("neonatal abstinence", message, StringComparison.OrdinalIgnoreCase);
        // Audit E3: the alert names opioid agonist treatment as the recommended treatment, with its sources, whole (not clipped).
        Assert.Contains("Opioid agonist treatment (buprenorphine or methadone) is the recommended treatment for opioid use disorder in pregnancy", message, StringComparison.Ordinal);
        Assert.Contains("ACOG Committee Opinion 711", message, StringComparison.Ordinal);
        Assert.Contains("do not stop kratom abruptly", message, StringComparison.Ordinal);
        Assert.DoesNotContain("…", message, StringComparison.Ordinal);
        Assert.Equal(2, alert.GetProperty("ruleVersion").GetInt32());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_jaundice_adverse_event_that_is_not_serious_raises_the_liver_panel_now_alert(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Jaundice");

        var response = await client.PostAsJsonAsync($"/api/patients/{id}/adverse-events", new
        {
            termId = "jaundice", grade = 1, onset = DateTimeOffset.UtcNow.AddHours(-3), outcome = "not-recovered", relatedness = "possible",
            seriousnessCriteria = Array.Empty<string>(), actionTaken = "none",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("event").GetProperty("serious").GetBoolean());
        var raised = Assert.Single(body.GetProperty("raisedAlerts").EnumerateArray());
        Assert.Equal("safety.liver-symptom-panel-now", raised.GetProperty("ruleId").GetString());
        var alert = Assert.Single(await AlertTestData.AlertsAsync(client, id, "safety.liver-symptom-panel-now", "open"));
        Assert.Equal("High", alert.GetProperty("severity").GetString());
        Assert.Contains("liver panel now", alert.GetProperty("message").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await AlertTestData.AlertsAsync(client, id, "safety.adverse-event-serious"));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Recording_that_a_patient_on_a_regimen_is_pregnant_alerts_when_the_record_is_saved(Database database)
    {
        await using var server = await servers.StartAsync(database, 
            settings: new Dictionary<string, string> { ["Safety:SweepEnabled"] = "false" },
            services: s => s.AddScoped<IRegimenStatus>(_ => new OnRegimenSince(DateTimeOffset.UtcNow.AddDays(-3))));
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Laterpregnant");
        Assert.Empty(await AlertTestData.AlertsAsync(client, id, "safety.pregnant-on-regimen"));

        var edit = await client.PutWholeRecordAsync(id, r => r["pregnant"] = true);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);

        var alert = Assert.Single(await AlertTestData.AlertsAsync(client, id, "safety.pregnant-on-regimen", "open"));
        Assert.Contains("neonatal abstinence", alert.GetProperty("message").GetString()!, StringComparison.OrdinalIgnoreCase);
    }
}
