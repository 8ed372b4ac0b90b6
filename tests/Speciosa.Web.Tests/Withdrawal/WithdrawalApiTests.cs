using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Withdrawal;

/// <summary>Opioid use, withdrawal episodes and the assessment instruments through the API.</summary>
public sealed class WithdrawalApiTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_clinician_enrols_a_patient_posts_a_cows_and_reads_back_the_exact_total_and_band(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Exactscore");

        var posted = await client.PostAsJsonAsync($"/api/patients/{id}/assessments",
            WithdrawalTestData.Cows(WithdrawalTestData.ModerateCows.Where(a => a.Key != 1).ToDictionary(), DateTimeOffset.UtcNow.AddMinutes(-5), pulseBpm: 92));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

        var history = await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/assessments");
        Assert.Equal(1, history.GetProperty("total").GetInt32());
        var only = Assert.Single(history.GetProperty("items").EnumerateArray());
        Assert.Equal(14, only.GetProperty("total").GetInt32());
        Assert.Equal("moderate", only.GetProperty("band").GetString());
        Assert.Equal("cows", only.GetProperty("instrumentId").GetString());
        Assert.Equal(1, only.GetProperty("answers").GetProperty("1").GetInt32()); // 92 bpm scores the pulse item 1
        Assert.Equal(92, only.GetProperty("pulseBpm").GetInt32());
        Assert.False(only.GetProperty("patientReported").GetBoolean());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_score_the_item_does_not_allow_is_a_400_naming_the_item_and_allowed_values_and_stores_nothing(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Badscore");
        var answers = new Dictionary<int, int>(WithdrawalTestData.ModerateCows) { [1] = 3 };

        var response = await client.PostAsJsonAsync($"/api/patients/{id}/assessments", WithdrawalTestData.Cows(answers, DateTimeOffset.UtcNow.AddMinutes(-1)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("answers.1")[0].GetString()!;
        Assert.Contains("Resting Pulse Rate", message, StringComparison.Ordinal);
        Assert.Contains("0, 1, 2, 4", message, StringComparison.Ordinal);
        Assert.Equal(0, await server.QueryAsync(db => db.Assessments.CountAsync(a => a.PatientId == id)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_missing_item_an_unknown_instrument_and_a_future_time_are_each_a_400(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Invalid");

        var missing = await client.PostAsJsonAsync($"/api/patients/{id}/assessments",
            WithdrawalTestData.Cows(WithdrawalTestData.ModerateCows.Where(a => a.Key != 7).ToDictionary(), DateTimeOffset.UtcNow.AddMinutes(-1)));
        var missingProblem = await missing.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("0, 1, 2, 3, 5", missingProblem.GetProperty("errors").GetProperty("answers.7")[0].GetString(), StringComparison.Ordinal);

        var unknown = await client.PostAsJsonAsync($"/api/patients/{id}/assessments",
            new { instrumentId = "cows-v9", answers = WithdrawalTestData.ModerateCows, assessedAt = DateTimeOffset.UtcNow.AddMinutes(-1) });
        var unknownProblem = await unknown.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("cows", unknownProblem.GetProperty("errors").GetProperty("instrumentId")[0].GetString(), StringComparison.Ordinal);

        var future = await client.PostAsJsonAsync($"/api/patients/{id}/assessments", WithdrawalTestData.Cows(WithdrawalTestData.ModerateCows, DateTimeOffset.UtcNow.AddHours(2)));
        var futureProblem = await future.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(futureProblem.GetProperty("errors").TryGetProperty("assessedAt", out _));

        Assert.Equal(0, await server.QueryAsync(db => db.Assessments.CountAsync(a => a.PatientId == id)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Posting_the_same_severe_score_twice_leaves_one_open_alert_with_its_rule_threshold_and_source(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Severe");

        var first = await client.PostAsJsonAsync($"/api/patients/{id}/assessments", WithdrawalTestData.Cows(WithdrawalTestData.SevereCows, DateTimeOffset.UtcNow.AddMinutes(-10)));
        var firstBody = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(38, firstBody.GetProperty("assessment").GetProperty("total").GetInt32());
        Assert.Equal("severe", firstBody.GetProperty("assessment").GetProperty("band").GetString());
        Assert.Single(firstBody.GetProperty("raisedAlerts").EnumerateArray());

        var second = await client.PostAsJsonAsync($"/api/patients/{id}/assessments", WithdrawalTestData.Cows(WithdrawalTestData.SevereCows, DateTimeOffset.UtcNow.AddMinutes(-5)));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Empty((await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("raisedAlerts").EnumerateArray());

        var alerts = await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/alerts");
        var alert = Assert.Single(alerts.EnumerateArray());
        Assert.Equal("withdrawal.cows-severe", alert.GetProperty("ruleId").GetString());
        Assert.Equal(1, alert.GetProperty("ruleVersion").GetInt32());
        Assert.Equal("COWS total > 36", alert.GetProperty("threshold").GetString());
        Assert.Contains(alert.GetProperty("inputs").EnumerateArray(), i => i.GetProperty("name").GetString() == "COWS total" && i.GetProperty("value").GetString() == "38");
        Assert.Contains("Wesson", alert.GetProperty("sourceCitation").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await server.QueryAsync(db => db.Alerts.CountAsync(a => a.PatientId == id)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Moderate_withdrawal_past_the_expected_duration_raises_the_course_alert(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Longcourse");
        var use = await client.PostAsJsonAsync($"/api/patients/{id}/opioid-use", new
        {
            substanceId = "heroin", amountPerDay = 500m, unit = "mg/day", route = "intravenous", durationDays = 400,
            lastUseAt = DateTimeOffset.UtcNow.AddDays(-20),
        });
        Assert.Equal(HttpStatusCode.Created, use.StatusCode);
        var useBody = await use.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("not-computable", useBody.GetProperty("mme").GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(useBody.GetProperty("mme").GetProperty("reason").GetString()));
        var episode = await client.PostAsJsonAsync($"/api/patients/{id}/episodes", new { opioidUseId = useBody.GetProperty("id").GetGuid() });
        var episodeBody = await episode.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("short-acting", episodeBody.GetProperty("courseClassId").GetString());
        Assert.Equal("PastExpectedDuration", episodeBody.GetProperty("phaseNow").GetString());

        var posted = await client.PostAsJsonAsync($"/api/patients/{id}/assessments", WithdrawalTestData.Cows(WithdrawalTestData.ModerateCows, DateTimeOffset.UtcNow.AddMinutes(-1)));
        var raised = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("raisedAlerts");
        Assert.Contains(raised.EnumerateArray(), a => a.GetProperty("ruleId").GetString() == "withdrawal.cows-moderate-past-duration");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Oxycodone_shows_its_mme_per_day_with_the_table_version(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.nurse");
        var id = await PatientTestData.EnrolAsync(client, "Mme");
        var use = await client.PostAsJsonAsync($"/api/patients/{id}/opioid-use", new
        {
            substanceId = "oxycodone", amountPerDay = 20m, route = "oral", lastUseAt = DateTimeOffset.UtcNow.AddHours(-3),
        });
        var mme = (await use.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mme");
        Assert.Equal(30m, mme.GetProperty("mmePerDay").GetDecimal());
        Assert.Equal("CDC 2022", mme.GetProperty("tableVersion").GetString());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_instrument_definitions_and_patient_api_are_in_the_openapi_document(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var instruments = await client.GetFromJsonAsync<JsonElement>("/api/instruments");
        Assert.Contains(instruments.EnumerateArray(), d => d.GetProperty("id").GetString() == "cows");
        var doc = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/patients/{patientId}/assessments", doc, StringComparison.Ordinal);
        Assert.Contains("/api/instruments", doc, StringComparison.Ordinal);
    }
}
