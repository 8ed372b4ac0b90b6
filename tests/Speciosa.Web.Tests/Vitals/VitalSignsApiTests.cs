using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Vitals;

/// <summary>Vital signs and POSS through the API: the sedation and breathing alerts (issue 13 part 3), the field-named
/// 400s, and one heart-rate reading shared with a COWS taken together.</summary>
public sealed class VitalSignsApiTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private static async Task<JsonElement> AlertOnPatientAsync(HttpClient client, Guid id, string rule)
    {
        var alerts = await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/alerts");
        return Assert.Single(alerts.EnumerateArray(), a => a.GetProperty("ruleId").GetString() == rule);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Poss_3_with_alprazolam_on_the_list_is_a_Critical_alert_with_its_rule_inputs_threshold_and_source(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Possalp");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/patients/{id}/medicines", new { name = "alprazolam 0.5 mg tid" })).StatusCode);

        var response = await client.PostAsJsonAsync($"/api/patients/{id}/vitals", new { poss = "3", respiratoryRatePerMin = 14, spo2Percent = 96 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var recorded = await response.Content.ReadFromJsonAsync<JsonElement>();
        var raised = Assert.Single(recorded.GetProperty("raisedAlerts").EnumerateArray());
        Assert.Equal("Critical", raised.GetProperty("severity").GetString());
        var alert = await AlertOnPatientAsync(client, id, "vitals.sedation-or-slowed-breathing-with-cns-depressant");
        Assert.Equal("Critical", alert.GetProperty("severity").GetString());
        Assert.Equal(1, alert.GetProperty("ruleVersion").GetInt32());
        var inputs = alert.GetProperty("inputs").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!, i => i.GetProperty("value").GetString()!);
        Assert.StartsWith("3 — Frequently drowsy", inputs["POSS"], StringComparison.Ordinal);
        Assert.Equal("alprazolam 0.5 mg (benzodiazepine)", inputs["CNS depressants on the medicine list"]);
        Assert.Contains("POSS 3 or 4", alert.GetProperty("threshold").GetString(), StringComparison.Ordinal);
        Assert.Contains("benzodiazepine, gabapentinoid or alcohol", alert.GetProperty("threshold").GetString(), StringComparison.Ordinal);
        Assert.Contains("FDA", alert.GetProperty("sourceCitation").GetString(), StringComparison.Ordinal);

        // The same condition again adds no second alert while the first is active.
        var again = await (await client.PostAsJsonAsync($"/api/patients/{id}/vitals", new { poss = "4" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(again.GetProperty("raisedAlerts").EnumerateArray());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Sedation_a_slow_respiratory_rate_and_a_low_spo2_each_raise_their_High_alert_once_without_a_depressant(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Possalone");

        var response = await client.PostAsJsonAsync($"/api/patients/{id}/vitals", new { poss = "4", respiratoryRatePerMin = 9, spo2Percent = 89, heartRateBpm = 58 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var sedation = await AlertOnPatientAsync(client, id, "vitals.unacceptable-sedation");
        Assert.Equal("High", sedation.GetProperty("severity").GetString());
        Assert.Contains("Pasero", sedation.GetProperty("sourceCitation").GetString(), StringComparison.Ordinal);
        var rr = await AlertOnPatientAsync(client, id, "vitals.low-respiratory-rate");
        Assert.Equal("respiratory rate below 10 /min (software default, not a clinic decision; UNCONFIRMED)", rr.GetProperty("threshold").GetString());
        Assert.Contains(rr.GetProperty("inputs").EnumerateArray(), i => i.GetProperty("value").GetString() == "9 /min");
        var spo2 = await AlertOnPatientAsync(client, id, "vitals.low-spo2");
        Assert.Contains("SpO2 below 90 %", spo2.GetProperty("threshold").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain((await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/alerts")).EnumerateArray(),
            a => a.GetProperty("severity").GetString() == "Critical");

        // Normal readings raise nothing.
        var fine = await (await client.PostAsJsonAsync($"/api/patients/{id}/vitals", new { poss = "1", respiratoryRatePerMin = 10, spo2Percent = 90 }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(fine.GetProperty("raisedAlerts").EnumerateArray());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_value_outside_its_range_or_an_unknown_poss_level_is_a_400_naming_the_field_and_stores_nothing(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Vitalbad");

        var problem = await (await client.PostAsJsonAsync($"/api/patients/{id}/vitals", new { heartRateBpm = 300, poss = "5", systolicMmHg = 120 }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.Equal("Heart rate in beats a minute: a whole number from 20 to 250.", errors.GetProperty("heartRateBpm")[0].GetString());
        Assert.Contains("3 (Frequently drowsy", errors.GetProperty("poss")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("diastolicMmHg", out _));
        var empty = await (await client.PostAsJsonAsync($"/api/patients/{id}/vitals", new { })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(empty.GetProperty("errors").TryGetProperty("observations", out _));
        Assert.Equal(0, await server.QueryAsync(db => Speciosa.Web.Vitals.VitalsTables.get_VitalSigns(db).CountAsync(v => v.PatientId == id)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Vitals_taken_with_a_cows_share_its_resting_pulse_as_the_one_heart_rate_reading(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Sharedpulse");
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        var cows = await client.PostAsJsonAsync($"/api/patients/{id}/assessments",
            WithdrawalTestData.Cows(WithdrawalTestData.ModerateCows.Where(a => a.Key != 1).ToDictionary(), at, pulseBpm: 104));
        Assert.Equal(HttpStatusCode.Created, cows.StatusCode);
        var assessmentId = (await cows.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assessment").GetProperty("id").GetGuid();
        var trendBefore = await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/vitals/trend");
        Assert.Equal("COWS resting pulse", Assert.Single(trendBefore.GetProperty("points").EnumerateArray()).GetProperty("source").GetString());

        var differing = await client.PostAsJsonAsync($"/api/patients/{id}/vitals", new { cowsAssessmentId = assessmentId, heartRateBpm = 90, spo2Percent = 97 });
        var problem = await differing.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("resting pulse (104 bpm): one reading", problem.GetProperty("errors").GetProperty("heartRateBpm")[0].GetString(), StringComparison.Ordinal);

        var shared = await client.PostAsJsonAsync($"/api/patients/{id}/vitals", new { cowsAssessmentId = assessmentId, spo2Percent = 97, systolicMmHg = 142, diastolicMmHg = 91 });
        Assert.Equal(HttpStatusCode.Created, shared.StatusCode);
        var vitals = (await shared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("vitals");
        Assert.Equal(104, vitals.GetProperty("heartRateBpm").GetInt32());
        Assert.Equal("COWS resting pulse", vitals.GetProperty("heartRateSource").GetString());
        Assert.Equal(at.ToUnixTimeSeconds(), vitals.GetProperty("takenAt").GetDateTimeOffset().ToUnixTimeSeconds());

        // One heart-rate point, not two; and the pulse cannot be shared twice.
        var trend = await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/vitals/trend");
        Assert.Single(trend.GetProperty("points").EnumerateArray(), p => p.GetProperty("series").GetString() == "heartRate");
        var twice = await client.PostAsJsonAsync($"/api/patients/{id}/vitals", new { cowsAssessmentId = assessmentId, spo2Percent = 98 });
        Assert.True((await twice.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("cowsAssessmentId", out _));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_benzodiazepine_added_while_a_sedation_alert_is_active_makes_it_Critical_in_the_medicine_s_save(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Latebenzo");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/patients/{id}/vitals", new { poss = "3" })).StatusCode);
        Assert.Single(await AlertTestData.AlertsAsync(client, id, "vitals.unacceptable-sedation", "active"));

        var added = await (await client.PostAsJsonAsync($"/api/patients/{id}/medicines", new { name = "lorazepam 1 mg" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Contains(added.GetProperty("raisedAlerts").EnumerateArray(),
            a => a.GetProperty("ruleId").GetString() == "vitals.sedation-or-slowed-breathing-with-cns-depressant" && a.GetProperty("severity").GetString() == "Critical");

        // Without an active sedation or breathing alert, adding a depressant raises no vitals alert.
        var other = await PatientTestData.EnrolAsync(client, "Latebenzofine");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/patients/{other}/vitals", new { poss = "1" })).StatusCode);
        var fine = await (await client.PostAsJsonAsync($"/api/patients/{other}/medicines", new { name = "lorazepam 1 mg" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain(fine.GetProperty("raisedAlerts").EnumerateArray(), a => a.GetProperty("ruleId").GetString()!.StartsWith("vitals.", StringComparison.Ordinal));
    }
}
