using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Testing;
using Speciosa.Web.Alerts;
using Xunit;

namespace Speciosa.Web.Tests.Vitals;

/// <summary>"Or intake is high" for the ECG prompt and "high doses" for the seizure-risk flag (issue 13 parts 6 and 9):
/// judged against the clinic's own figure (Vitals:HighIntakeMitragynineMgPerDay); without one, intake prompts nothing.</summary>
public sealed class HighIntakeApiTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Intake_at_or_above_the_clinic_s_figure_prompts_an_ecg_once_and_flags_seizure_risk_and_an_ecg_clears_the_prompt(Database database)
    {
        await using var server = await servers.StartAsync(database,
            settings: new Dictionary<string, string> { ["Vitals:HighIntakeMitragynineMgPerDay"] = "1", ["Safety:SweepEnabled"] = "false" });
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (id, lotId) = await RegimenTestData.PatientOnAnOrderAsync(clinician);
        var dose = await clinician.PostAsJsonAsync($"/api/patients/{id}/doses", new { grams = 2m, lotId });
        Assert.Equal(HttpStatusCode.Created, dose.StatusCode);
        var log = await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/doses");
        Assert.True(log.GetProperty("items")[0].GetProperty("mitragynineMg").GetDecimal() >= 1m);

        var heart = await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/ecgs");
        Assert.True(heart.GetProperty("ecgNeeded").GetBoolean());
        Assert.True(heart.GetProperty("intake").GetProperty("isHigh").GetBoolean());

        await SweepAsync(server);
        await SweepAsync(server);
        var alert = Assert.Single(await AlertTestData.AlertsAsync(clinician, id, "heart.ecg-needed-for-high-intake", "active"));
        Assert.Equal("Warning", alert.GetProperty("severity").GetString());
        Assert.Contains(alert.GetProperty("inputs").EnumerateArray(), i => i.GetProperty("name").GetString() == "Intake"
            && i.GetProperty("value").GetString()!.StartsWith("highest mitragynine on a day:", StringComparison.Ordinal));
        Assert.Contains("mitragynine at or above 1 mg on a clinic day in the last 14 days (clinic setting; UNCONFIRMED", alert.GetProperty("threshold").GetString(), StringComparison.Ordinal);
        Assert.Contains("the software sets none", alert.GetProperty("sourceCitation").GetString(), StringComparison.Ordinal);

        var risk = await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/seizure-risk");
        var flag = Assert.Single(risk.GetProperty("flags").EnumerateArray(), f => f.GetProperty("id").GetString() == "high-intake");
        Assert.Contains("highest mitragynine on a day", flag.GetProperty("intake").GetString(), StringComparison.Ordinal);

        var ecg = await (await clinician.PostAsJsonAsync($"/api/patients/{id}/ecgs", new { qtcMs = 430, correctionFormula = "fridericia" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(ecg.GetProperty("resolvedAlerts").EnumerateArray(), a => a.GetProperty("ruleId").GetString() == "heart.ecg-needed-for-high-intake");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Without_a_clinic_figure_intake_prompts_nothing_and_the_pages_say_no_figure_is_set(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (id, lotId) = await RegimenTestData.PatientOnAnOrderAsync(clinician);
        Assert.Equal(HttpStatusCode.Created, (await clinician.PostAsJsonAsync($"/api/patients/{id}/doses", new { grams = 2m, lotId })).StatusCode);

        await SweepAsync(server);
        var heart = await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/ecgs");
        var risk = await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/seizure-risk");

        Assert.False(heart.GetProperty("ecgNeeded").GetBoolean());
        Assert.False(heart.GetProperty("intake").GetProperty("clinicFigureSet").GetBoolean());
        Assert.Empty(await AlertTestData.AlertsAsync(clinician, id, "heart.ecg-needed-for-high-intake"));
        Assert.Empty(risk.GetProperty("flags").EnumerateArray());
        Assert.Contains("the software has no default", risk.GetProperty("highIntakeRule").GetString(), StringComparison.Ordinal);
        var page = await clinician.GetStringAsync($"/patients/{id}/vitals");
        Assert.Contains("no clinic figure for high intake is set", page, StringComparison.Ordinal);
    }

    private static async Task SweepAsync(SpeciosaServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SafetySweep>().RunAsync(CancellationToken.None);
    }
}
