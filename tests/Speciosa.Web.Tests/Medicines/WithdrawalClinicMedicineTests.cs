using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Medicines;

/// <summary>Issue 12 part 3 through the API and the page: antagonists alert, generic classes are too broad to screen, and a
/// clinician's "alprazolam 0.5 mg tid" keeps its dose and frequency.</summary>
public sealed class WithdrawalClinicMedicineTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private static async Task<JsonElement> AddAsync(HttpClient client, Guid patientId, object medicine)
    {
        var response = await client.PostAsJsonAsync($"/api/patients/{patientId}/medicines", medicine);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Naltrexone_on_the_medicine_list_raises_the_precipitated_withdrawal_alert_with_its_source(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Naltrexone");

        var added = await AddAsync(client, id, new { name = "naltrexone", classes = Array.Empty<string>() });

        Assert.Equal("InteractionsFound", added.GetProperty("medicine").GetProperty("outcome").GetString());
        var alert = Assert.Single(added.GetProperty("raisedAlerts").EnumerateArray());
        Assert.Equal("interaction.opioid-antagonists", alert.GetProperty("ruleId").GetString());
        Assert.Equal("High", alert.GetProperty("severity").GetString());
        Assert.Contains("precipitate opioid withdrawal", alert.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("7-10 days", alert.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(alert.GetProperty("sourceCitation").GetString()));
        Assert.Single(await AlertTestData.AlertsAsync(client, id, "interaction.opioid-antagonists"));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_medicine_recorded_only_as_an_antidepressant_is_too_broad_to_screen_not_no_known_interaction(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Antidepressant");

        var added = await AddAsync(client, id, new { name = "Unlisted antidepressant brand", classes = new[] { "antidepressant" } });

        var medicine = added.GetProperty("medicine");
        Assert.Equal("ClassTooBroad", medicine.GetProperty("outcome").GetString());
        Assert.StartsWith("Class too broad to screen", medicine.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("No known interaction", medicine.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Empty(added.GetProperty("raisedAlerts").EnumerateArray());

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/patients/{id}/medicines"));
        Assert.Contains("Class too broad to screen", page, StringComparison.Ordinal);
        Assert.DoesNotContain("No known interaction in this rule base", page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Alprazolam_0_5_mg_tid_is_recognised_by_name_with_its_dose_and_frequency_stored_and_shown(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Alprazolam tid");

        var added = await AddAsync(client, id, new { name = "alprazolam 0.5 mg tid", classes = Array.Empty<string>() });

        var medicine = added.GetProperty("medicine");
        Assert.Equal("alprazolam", medicine.GetProperty("name").GetString());
        Assert.Equal("0.5", medicine.GetProperty("dose").GetString());
        Assert.Equal("mg", medicine.GetProperty("unit").GetString());
        Assert.Equal("tid", medicine.GetProperty("frequency").GetString());
        Assert.Equal("three times a day", medicine.GetProperty("frequencyInWords").GetString());
        Assert.Contains("benzodiazepine", medicine.GetProperty("classes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("interaction.benzodiazepines", Assert.Single(added.GetProperty("raisedAlerts").EnumerateArray()).GetProperty("ruleId").GetString());

        var stored = await server.QueryAsync(db => db.PatientMedicines.SingleAsync(m => m.PatientId == id));
        Assert.Equal(("alprazolam", "0.5", "mg", "tid"), (stored.Name, stored.Dose, stored.Unit, stored.Frequency));
        var listed = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/medicines")).EnumerateArray());
        Assert.Equal(("0.5", "mg"), (listed.GetProperty("dose").GetString(), listed.GetProperty("unit").GetString()));
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/patients/{id}/medicines"));
        Assert.Contains("As recorded: 0.5 mg, tid (three times a day)", page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_page_says_what_the_benzodiazepine_evidence_is_and_never_not_observed(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Evidence words");
        await AddAsync(client, id, new { name = "diazepam", classes = Array.Empty<string>() });

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/patients/{id}/medicines"));

        Assert.Contains("Evidence: Mechanism-based; supported by observational poison-centre data", page, StringComparison.Ordinal);
        Assert.DoesNotContain("not observed", page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_dose_longer_than_fifty_characters_is_a_problem_naming_dose_and_stores_nothing(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Long dose");

        var response = await client.PostAsJsonAsync($"/api/patients/{id}/medicines", new { name = "diazepam", dose = new string('5', 51), classes = Array.Empty<string>() });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("dose", out _));
        Assert.Equal(0, await server.QueryAsync(db => db.PatientMedicines.CountAsync(m => m.PatientId == id)));
    }
}
