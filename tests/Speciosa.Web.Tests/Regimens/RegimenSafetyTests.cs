using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Speciosa.Testing;
using Xunit;
using static Speciosa.Testing.RegimenTestData;

namespace Speciosa.Web.Tests.Regimens;

/// <summary>Starting a regimen re-runs the safety rules that depend on being on kratom, in the same save.</summary>
public sealed class RegimenSafetyTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Starting_a_regimen_for_a_pregnant_patient_without_a_baseline_liver_panel_alerts_at_once(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (productId, lotId) = await LeafLotAsync(clinician);
        var patientId = await EnrolLivingInAsync(clinician, "US-TN");
        var pregnant = await clinician.PutWholeRecordAsync(patientId, r => r["pregnant"] = true);
        Assert.Equal(HttpStatusCode.OK, pregnant.StatusCode);
        Assert.DoesNotContain("safety.pregnant-on-regimen", await RuleIdsAsync(clinician, patientId));

        var created = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/regimens", Order(productId, lotId));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var rules = await RuleIdsAsync(clinician, patientId);
        Assert.Contains("safety.pregnant-on-regimen", rules);
        Assert.Contains("liver.baseline-panel-missing", rules);
    }

    private static async Task<List<string>> RuleIdsAsync(HttpClient client, Guid patientId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/alerts?patientId={patientId}&status=open&pageSize=100"))
            .GetProperty("items").EnumerateArray().Select(a => a.GetProperty("ruleId").GetString()!).ToList();
}
