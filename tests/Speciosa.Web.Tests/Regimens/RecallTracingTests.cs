using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Regimens;

public sealed class RecallTracingTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Recalling_a_lot_three_demo_patients_took_lists_those_three_and_alerts_each_of_them(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var lotId = await ProductTestData.DemoLotIdAsync(quality, DemoProducts.PassingLot);

        var recall = await quality.PostAsJsonAsync($"/api/lots/{lotId}/recall", new { reason = "Supplier notice: possible contamination", exposureWindowDays = 30, concurrencyStamp = await ProductTestData.LotStampAsync(quality, lotId) });
        Assert.Equal(HttpStatusCode.OK, recall.StatusCode);

        var exposure = await quality.GetFromJsonAsync<JsonElement>($"/api/lots/{lotId}/exposures?windowDays=30");
        var names = exposure.GetProperty("patients").EnumerateArray().Select(p => p.GetProperty("displayName").GetString()!).ToList();
        Assert.Equal(3, names.Count);
        Assert.Contains(names, n => n.Contains("Testwell", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("Sampleton", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("Placeholder", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.Contains(DemoRegimens.FourthFamily, StringComparison.Ordinal));

        foreach (var p in exposure.GetProperty("patients").EnumerateArray())
        {
            var alerts = await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{p.GetProperty("patientId").GetGuid()}/alerts?status=open");
            var alert = Assert.Single(alerts.EnumerateArray(), a => a.GetProperty("ruleId").GetString() == "dosing.lot-recalled");
            Assert.Contains(DemoProducts.PassingLot, alert.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Contains("contamination", alert.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        var fourth = await clinician.GetFromJsonAsync<JsonElement>($"/api/patients?name={Uri.EscapeDataString("Examplesworth")}");
        var fourthId = fourth.GetProperty("items")[0].GetProperty("id").GetGuid();
        var fourthAlerts = await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{fourthId}/alerts?status=open");
        Assert.DoesNotContain(fourthAlerts.EnumerateArray(), a => a.GetProperty("ruleId").GetString() == "dosing.lot-recalled");

        var nurse = await server.SignedInClientAsync("demo.nurse");
        var denied = await nurse.GetAsync($"/api/lots/{lotId}/exposures");
        await denied.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_staff_dose_from_a_recalled_lot_is_refused(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var lotId = await ProductTestData.DemoLotIdAsync(quality, DemoProducts.PassingLot);
        await quality.PostAsJsonAsync($"/api/lots/{lotId}/recall", new { reason = "Recall test", concurrencyStamp = await ProductTestData.LotStampAsync(quality, lotId) });
        var patientId = await RegimenTestData.PatientIdAsync(nurse, "Sampleton");

        var response = await nurse.PostAsJsonAsync($"/api/patients/{patientId}/doses", new { grams = 1m, lotId });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("recalled", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
