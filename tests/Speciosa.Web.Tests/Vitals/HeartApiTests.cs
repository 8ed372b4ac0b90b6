using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Testing;
using Speciosa.Web.Alerts;
using Xunit;

namespace Speciosa.Web.Tests.Vitals;

/// <summary>ECGs with QTc (Krantz 2009 thresholds), the ECG prompt for QT-prolonging medicines, and the seizure-risk
/// flags (issue 13 parts 6 and 9).</summary>
public sealed class HeartApiTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_qtc_above_500_ms_raises_the_act_alert_with_its_formula_threshold_and_source_and_a_newer_normal_ecg_clears_it(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Longqt");

        var response = await client.PostAsJsonAsync($"/api/patients/{id}/ecgs", new { qtcMs = 512, correctionFormula = "fridericia", takenAt = DateTimeOffset.UtcNow.AddHours(-2) });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var alerts = await AlertTestData.AlertsAsync(client, id, "heart.qtc-above-500-act", "active");
        var alert = Assert.Single(alerts);
        Assert.Equal("High", alert.GetProperty("severity").GetString());
        Assert.Contains(alert.GetProperty("inputs").EnumerateArray(), i => i.GetProperty("value").GetString()!.StartsWith("Fridericia", StringComparison.Ordinal));
        Assert.Contains("QTc above 500 ms: act", alert.GetProperty("threshold").GetString(), StringComparison.Ordinal);
        Assert.Contains("Krantz", alert.GetProperty("sourceCitation").GetString(), StringComparison.Ordinal);
        Assert.Contains("not in the project reference", alert.GetProperty("sourceCitation").GetString(), StringComparison.Ordinal);

        var normal = await (await client.PostAsJsonAsync($"/api/patients/{id}/ecgs", new { qtcMs = 430, correctionFormula = "bazett" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(normal.GetProperty("resolvedAlerts").EnumerateArray(), a => a.GetProperty("ruleId").GetString() == "heart.qtc-above-500-act");
        Assert.Empty(await AlertTestData.AlertsAsync(client, id, "heart.qtc-above-500-act", "active"));

        var discuss = await (await client.PostAsJsonAsync($"/api/patients/{id}/ecgs", new { qtcMs = 451, correctionFormula = "bazett" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("heart.qtc-above-450-discuss", Assert.Single(discuss.GetProperty("raisedAlerts").EnumerateArray()).GetProperty("ruleId").GetString());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_ecg_without_a_known_formula_or_with_a_qtc_out_of_range_is_a_400_naming_the_field(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Badecg");

        var problem = await (await client.PostAsJsonAsync($"/api/patients/{id}/ecgs", new { qtcMs = 900, correctionFormula = "guess" })).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("250 to 750", problem.GetProperty("errors").GetProperty("qtcMs")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("fridericia", problem.GetProperty("errors").GetProperty("correctionFormula")[0].GetString(), StringComparison.Ordinal);
        var heart = await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/ecgs");
        Assert.Empty(heart.GetProperty("ecgs").EnumerateArray());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Adding_methadone_without_an_ecg_prompts_one_in_the_same_save_and_an_ecg_clears_the_prompt(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Methecg");

        var added = await (await client.PostAsJsonAsync($"/api/patients/{id}/medicines", new { name = "methadone 60 mg daily" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Contains(added.GetProperty("raisedAlerts").EnumerateArray(), a => a.GetProperty("ruleId").GetString() == "heart.ecg-needed-for-qt-prolonging-medicine");
        var alert = Assert.Single(await AlertTestData.AlertsAsync(client, id, "heart.ecg-needed-for-qt-prolonging-medicine", "active"));
        Assert.Equal("Warning", alert.GetProperty("severity").GetString());
        Assert.Contains("methadone 60 mg (QT-prolonging)", alert.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("no ECG in the last 365 days (software default, not a clinic decision", alert.GetProperty("threshold").GetString(), StringComparison.Ordinal);
        Assert.Contains("Krantz", alert.GetProperty("sourceCitation").GetString(), StringComparison.Ordinal);
        Assert.True((await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/ecgs")).GetProperty("ecgNeeded").GetBoolean());

        var ecg = await (await client.PostAsJsonAsync($"/api/patients/{id}/ecgs", new { qtcMs = 440, correctionFormula = "fridericia" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Contains(ecg.GetProperty("resolvedAlerts").EnumerateArray(), a => a.GetProperty("ruleId").GetString() == "heart.ecg-needed-for-qt-prolonging-medicine");
        Assert.False((await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/ecgs")).GetProperty("ecgNeeded").GetBoolean());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_sweep_prompts_a_new_ecg_once_the_last_one_is_older_than_the_clinic_s_interval(Database database)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var server = await servers.StartAsync(database, clock: clock,
            settings: new Dictionary<string, string> { ["Vitals:EcgRecentDays"] = "30", ["Safety:SweepEnabled"] = "false" });
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Oldecg");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/patients/{id}/ecgs", new { qtcMs = 430, correctionFormula = "bazett" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/patients/{id}/medicines", new { name = "citalopram 20 mg" })).StatusCode);

        async Task SweepAsync()
        {
            await using var scope = server.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SafetySweep>().RunAsync(CancellationToken.None);
        }

        clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1)); // (PostgreSQL keeps microseconds: the exact boundary is a core unit test)
        await SweepAsync();
        client = await server.SignedInClientAsync("demo.clinician"); // the session ended with the 30 days
        Assert.Empty(await AlertTestData.AlertsAsync(client, id, "heart.ecg-needed-for-qt-prolonging-medicine"));

        clock.Advance(TimeSpan.FromMinutes(2));
        await SweepAsync();
        await SweepAsync();
        var alert = Assert.Single(await AlertTestData.AlertsAsync(client, id, "heart.ecg-needed-for-qt-prolonging-medicine"));
        Assert.Equal("a QT-prolonging medicine on the list and no ECG in the last 30 days (clinic setting)", alert.GetProperty("threshold").GetString());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Bupropion_tramadol_and_a_stimulant_on_the_list_are_seizure_risk_flags_with_their_sources(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Seizureflags");
        foreach (var name in new[] { "bupropion 150 mg", "tramadol 50 mg", "cocaine", "ibuprofen" })
        {
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/patients/{id}/medicines", new { name })).StatusCode);
        }

        var risk = await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/seizure-risk");

        Assert.Contains("6.1 %", risk.GetProperty("background").GetString(), StringComparison.Ordinal);
        Assert.Contains("Eggleston", risk.GetProperty("backgroundSource").GetProperty("citation").GetString(), StringComparison.Ordinal);
        var flags = risk.GetProperty("flags").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!);
        Assert.Equal(["bupropion", "tramadol", "stimulant"], flags.Keys);
        Assert.Equal("bupropion 150 mg", Assert.Single(flags["bupropion"].GetProperty("medicines").EnumerateArray()).GetString());
        Assert.All(flags.Values, f => Assert.NotEmpty(f.GetProperty("sources").EnumerateArray()));
    }
}
