using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Withdrawal;

/// <summary>The withdrawal page forms (opioid use, episode, assessment history) posted as a browser would.</summary>
public sealed class WithdrawalPageFormTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private static async Task<Guid> RecordUseAsync(HttpClient client, Guid patientId)
    {
        var response = await client.PostAsJsonAsync($"/api/patients/{patientId}/opioid-use", new
        {
            substanceId = "oxycodone", amountPerDay = 60m, unit = "mg/day", release = "immediate", route = "oral",
            durationDays = 200, lastUseAt = DateTimeOffset.UtcNow.AddHours(-20),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Dictionary<string, string> UseFields(string amount, DateTimeOffset lastUse) => new()
    {
        ["Input.SubstanceId"] = "oxycodone", ["Input.AmountPerDay"] = amount, ["Input.Unit"] = "mg/day",
        ["Input.Release"] = "immediate", ["Input.Route"] = "oral", ["Input.DurationDays"] = "200",
        ["Input.LastUseAt"] = HtmlForm.DemoClinicLocal(lastUse),
    };

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_opioid_use_form_saves_a_valid_entry_in_clinic_time_and_the_overview_lists_it_with_its_mme(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Useform");
        var lastUse = DateTimeOffset.UtcNow.AddHours(-20);

        var overview = await client.FollowAsync(await client.PostFormAsync($"/patients/{id}/opioid-use/new", "opioid-use", UseFields("60", lastUse)));

        Assert.Contains("Opioid use recorded.", overview, StringComparison.Ordinal);
        Assert.Contains("Oxycodone", overview, StringComparison.Ordinal);
        Assert.Contains("90 (factor 1.5, CDC 2022)", overview, StringComparison.Ordinal); // 60 mg/day × 1.5
        Assert.Contains("Last use (America/New_York)", overview, StringComparison.Ordinal);
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/opioid-use");
        var stored = Assert.Single(history.EnumerateArray()).GetProperty("lastUseAt").GetDateTimeOffset();
        Assert.InRange((stored - lastUse).Duration(), TimeSpan.Zero, TimeSpan.FromMinutes(1)); // entered as New York time
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_opioid_use_form_with_no_amount_stores_nothing_and_says_so_beside_the_amount(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Useformbad");

        var response = await client.PostFormAsync($"/patients/{id}/opioid-use/new", "opioid-use", UseFields("", DateTimeOffset.UtcNow.AddHours(-3)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Matches("id=\"amountPerDay-problem\"[^>]*>.*An amount above zero", html);
        Assert.Contains("Nothing was saved", html, StringComparison.Ordinal);
        Assert.Equal(0, await server.QueryAsync(db => db.OpioidUses.CountAsync(u => u.PatientId == id)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_assessment_with_an_unanswered_item_and_a_future_time_says_so_beside_each_and_keeps_the_answers(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Assessbad");
        var fields = Enumerable.Range(1, 10).Select(n => new KeyValuePair<string, string>($"item{n}", "0")).ToList(); // COWS item 11 left out
        fields.Add(new("assessedAt", HtmlForm.DemoClinicLocal(DateTimeOffset.UtcNow.AddDays(1))));

        var response = await client.PostFormAsync($"/patients/{id}/assess/cows", "assessment", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Matches("id=\"answers.11-problem\" role=\"alert\"><strong>Problem:</strong> Item 11 \\([^)]*\\) has no answer", html);
        Assert.Contains("id=\"assessedAt-problem\" role=\"alert\"><strong>Problem:</strong> This is later than now", html, StringComparison.Ordinal);
        Assert.DoesNotContain("answers.11:", html, StringComparison.Ordinal); // no list keyed by internal names
        Assert.Contains("id=\"item1-0\" name=\"item1\" value=\"0\" checked", html, StringComparison.Ordinal); // the answers given stay chosen
        Assert.Equal(0, await server.QueryAsync(db => db.Assessments.CountAsync(a => a.PatientId == id)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Past_the_expected_end_of_methadone_withdrawal_the_overview_warns_of_lost_tolerance_and_shows_the_mme_cautions(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Tolerance");
        var use = await client.PostAsJsonAsync($"/api/patients/{id}/opioid-use", new
        {
            substanceId = "methadone", amountPerDay = 80m, unit = "mg/day", release = "extended", route = "oral",
            durationDays = 400, lastUseAt = DateTimeOffset.UtcNow.AddDays(-20),
        });
        Assert.Equal(HttpStatusCode.Created, use.StatusCode);
        var useId = (await use.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var overview = await client.FollowAsync(await client.PostFormAsync($"/patients/{id}/episodes/new", "episode",
            [new("opioidUseId", useId.ToString())]));

        // 20 days after last methadone use: past the 10–14 day expected end (audit §2.6: never without the overdose warning).
        Assert.Contains("Now: past the expected end of acute withdrawal.", overview, StringComparison.Ordinal);
        Assert.Contains("loses its tolerance to opioids", overview, StringComparison.Ordinal);
        Assert.Contains("naloxone", overview, StringComparison.Ordinal);
        // Audit E19: the windows are approximate and concurrent kratom shifts them.
        Assert.Contains("Approximate, secondary sources", overview, StringComparison.Ordinal);
        Assert.Contains("µ-opioid agonist", overview, StringComparison.Ordinal);
        // Audit E15: the core's cautions are rendered with the MME.
        Assert.Contains("376 (factor 4.7, CDC 2022)", overview, StringComparison.Ordinal); // 80 × 4.7
        Assert.Contains("Estimate only, never for conversion", overview, StringComparison.Ordinal);
        Assert.Contains("Methadone taken as treatment for opioid use disorder: MME and the CDC 2022 MME thresholds do not apply", overview, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_episode_form_opens_an_episode_from_a_recorded_use_and_the_overview_shows_its_course_in_words(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Episodeform");
        var useId = await RecordUseAsync(client, id);

        var overview = await client.FollowAsync(await client.PostFormAsync($"/patients/{id}/episodes/new", "episode",
            [new("opioidUseId", useId.ToString())]));

        Assert.Contains("Withdrawal episode opened", overview, StringComparison.Ordinal);
        Assert.Contains("Short-acting opioid", overview, StringComparison.Ordinal);
        // 20 h after last use of IR oxycodone: past the 6–12 h onset, before the 24–72 h peak.
        Assert.Contains("Now: past onset, before the expected peak.", overview, StringComparison.Ordinal);
        Assert.Contains("Onset: 6–12 h after last use", overview, StringComparison.Ordinal);
        Assert.Contains("Acute withdrawal ends: 72–240 h (3–10 days) after last use", overview, StringComparison.Ordinal);
        Assert.DoesNotContain("BeforePeak", overview, StringComparison.Ordinal);
        Assert.Equal(1, await server.QueryAsync(db => db.WithdrawalEpisodes.CountAsync(e => e.PatientId == id)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_episode_form_without_a_chosen_use_stores_nothing_and_says_so_beside_the_choice(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Episodeformbad");
        await RecordUseAsync(client, id);
        await RecordUseAsync(client, id);

        var response = await client.PostFormAsync($"/patients/{id}/episodes/new", "episode", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches("id=\"opioidUseId-problem\"[^>]*>.*opioid use recorded for this patient", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await server.QueryAsync(db => db.WithdrawalEpisodes.CountAsync(e => e.PatientId == id)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_assessment_history_filters_by_instrument_and_pages_in_the_api_and_on_its_page(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Historyform");
        for (var i = 0; i < 3; i++)
        {
            var cows = await client.PostAsJsonAsync($"/api/patients/{id}/assessments", new
            {
                instrumentId = "cows", answers = Enumerable.Range(1, 11).ToDictionary(n => n, n => n == 1 ? 0 : (n == 2 ? i : 0)),
                assessedAt = DateTimeOffset.UtcNow.AddHours(-10 + i),
            });
            Assert.Equal(HttpStatusCode.Created, cows.StatusCode);
        }

        var craving = await client.PostAsJsonAsync($"/api/patients/{id}/assessments", new
        {
            instrumentId = "craving-vas", answers = new Dictionary<int, int> { [1] = 73 }, assessedAt = DateTimeOffset.UtcNow.AddHours(-1),
        });
        Assert.Equal(HttpStatusCode.Created, craving.StatusCode);

        var page2 = await client.GetAsync($"/api/patients/{id}/assessments?instrument=cows&pageSize=2&page=2");
        var body = await page2.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, body.GetProperty("total").GetInt32());
        Assert.Equal(2, body.GetProperty("page").GetInt32());
        Assert.Equal(2, body.GetProperty("pageSize").GetInt32());
        var oldest = Assert.Single(body.GetProperty("items").EnumerateArray());
        Assert.Equal(0, oldest.GetProperty("total").GetInt32());
        await (await client.GetAsync($"/api/patients/{id}/assessments?instrument=nope")).AssertProblemAsync(HttpStatusCode.BadRequest);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/patients/{id}/assessments?instrument=craving-vas"));
        Assert.Contains("1 assessment of", html, StringComparison.Ordinal);
        Assert.Contains("<td>73</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Clinical Opiate Withdrawal Scale (COWS) v", html, StringComparison.Ordinal);
        var overview = await client.GetStringAsync($"/patients/{id}");
        Assert.Contains($"href=\"/patients/{id}/assessments\"", overview, StringComparison.Ordinal);
    }
}
