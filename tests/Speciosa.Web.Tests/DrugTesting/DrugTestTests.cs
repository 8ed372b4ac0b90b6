using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.DrugTesting;

/// <summary>Issue 13 part 5 (clinical audit section 3 item 8): urine drug test results by analyte and method, read against the
/// medicine list through Medicines' seam, the Critical unexpected-fentanyl alert raised once with the test, and the note that
/// opiate immunoassays do not detect mitragynine.</summary>
public sealed class DrugTestTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private static object Result(string analyte, string result, string method = "immunoassay", string? technique = null, decimal? cutoff = null) =>
        new { analyte, method, technique, result, cutoffNgPerMl = cutoff };

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Results_are_read_against_the_medicine_list_and_unexpected_fentanyl_raises_one_Critical_alert(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(clinician, "Drugtest");
        foreach (var name in new[] { "methadone 60 mg daily", "alprazolam 0.5 mg tid" })
        {
            Assert.Equal(HttpStatusCode.Created, (await clinician.PostAsJsonAsync($"/api/patients/{id}/medicines", new { name, classes = Array.Empty<string>() })).StatusCode);
        }

        var response = await clinician.PostAsJsonAsync($"/api/patients/{id}/drug-tests", new
        {
            collectedAt = DateTimeOffset.UtcNow.AddHours(-2),
            results = new[]
            {
                Result("fentanyl", "positive", cutoff: 1m), Result("eddp", "negative", "confirmation", "LC-MS/MS"),
                Result("benzodiazepines", "positive"), Result("buprenorphine", "negative"), Result("opiates", "negative"),
                Result("mitragynine", "positive", "confirmation", "LC-MS/MS"),
            },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var recorded = await response.Content.ReadFromJsonAsync<JsonElement>();
        var readings = recorded.GetProperty("test").GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("analyte").GetString()!, r => r.GetProperty("reading").GetString()!);
        Assert.Equal("unexpected-positive", readings["fentanyl"]);
        Assert.Equal("unexpected-negative", readings["eddp"]); // methadone prescribed, EDDP negative
        Assert.Equal("expected-positive", readings["benzodiazepines"]); // alprazolam on the list
        Assert.Equal("expected-negative", readings["buprenorphine"]);
        Assert.Equal("unexpected-positive", readings["mitragynine"]); // no kratom regimen
        var opiates = recorded.GetProperty("test").GetProperty("results").EnumerateArray().Single(r => r.GetProperty("analyte").GetString() == "opiates");
        Assert.Contains(opiates.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("do not detect mitragynine", StringComparison.Ordinal));
        Assert.Single(recorded.GetProperty("raisedAlerts").EnumerateArray(), a => a.GetProperty("ruleId").GetString() == "drugtest.unexpected-fentanyl");

        var alerts = await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/alerts");
        var fentanyl = Assert.Single(alerts.EnumerateArray(), a => a.GetProperty("ruleId").GetString() == "drugtest.unexpected-fentanyl");
        Assert.Equal("Critical", fentanyl.GetProperty("severity").GetString());
        Assert.Equal(1, fentanyl.GetProperty("ruleVersion").GetInt32());
        Assert.Equal("fentanyl positive (any method) with no fentanyl on the current medicine list", fentanyl.GetProperty("threshold").GetString());
        Assert.Contains("Clinical audit section 3 item 8", fentanyl.GetProperty("sourceCitation").GetString(), StringComparison.Ordinal);
        var inputs = fentanyl.GetProperty("inputs").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!, i => i.GetProperty("value").GetString()!);
        Assert.Equal("positive (cutoff 1 ng/mL)", inputs["Result"]);
        Assert.Equal("methadone, alprazolam", inputs["Medicine list"]);

        var list = await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/drug-tests");
        Assert.Equal(6, Assert.Single(list.EnumerateArray()).GetProperty("results").GetArrayLength());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Mitragynine_by_immunoassay_and_a_missing_collection_time_are_refused_naming_the_field_and_nothing_is_stored(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client: clinician, family: "Drugtestbad");

        var response = await clinician.PostAsJsonAsync($"/api/patients/{id}/drug-tests", new
        {
            results = new[] { Result("opiates", "negative"), Result("mitragynine", "positive") },
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("opiate immunoassays do not detect it", errors.GetProperty("results[1].method")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("collectedAt", out _));
        Assert.Empty((await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/drug-tests")).EnumerateArray());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_page_records_a_test_and_shows_each_reading_and_the_mitragynine_note(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(clinician, "Drugtestpage");
        Assert.Equal(HttpStatusCode.Created, (await clinician.PostAsJsonAsync($"/api/patients/{id}/medicines", new { name = "buprenorphine", classes = Array.Empty<string>() })).StatusCode);

        var page = await clinician.FollowAsync(await clinician.PostFormAsync($"/patients/{id}/drug-tests", "drug-test", new Dictionary<string, string>
        {
            ["collectedAt"] = HtmlForm.DemoClinicLocal(DateTimeOffset.UtcNow.AddHours(-1)),
            ["buprenorphine.result"] = "positive", ["buprenorphine.method"] = "immunoassay",
            ["norbuprenorphine.result"] = "negative", ["norbuprenorphine.method"] = "confirmation", ["norbuprenorphine.technique"] = "LC-MS/MS",
        }));

        Assert.Contains("Drug test recorded", page, StringComparison.Ordinal);
        Assert.Contains("Opiate immunoassays do not detect mitragynine", page, StringComparison.Ordinal);
        Assert.Contains("Expected positive.", page, StringComparison.Ordinal);
        Assert.Contains("Unexpected negative.", page, StringComparison.Ordinal);

        var bad = await clinician.PostFormAsync($"/patients/{id}/drug-tests", "drug-test", new Dictionary<string, string>
        {
            ["collectedAt"] = HtmlForm.DemoClinicLocal(DateTimeOffset.UtcNow.AddHours(-1)),
            ["mitragynine.result"] = "positive", ["mitragynine.method"] = "immunoassay",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("opiate immunoassays do not detect it", html, StringComparison.Ordinal);
        Assert.Contains("id=\"mitragynine.method-problem\"", html, StringComparison.Ordinal);
    }
}
