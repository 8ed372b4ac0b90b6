using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Medicines;

public sealed class MedicineScreeningTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Screening_tells_no_data_from_no_known_interaction_and_alerts_a_found_interaction(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Medicines");

        async Task<JsonElement> AddAsync(object medicine)
        {
            var response = await client.PostAsJsonAsync($"/api/patients/{id}/medicines", medicine);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        var unknown = await AddAsync(new { name = "Zorblax herbal tonic", classes = Array.Empty<string>() });
        Assert.Equal("NoData", unknown.GetProperty("medicine").GetProperty("outcome").GetString());
        Assert.Contains("says nothing", unknown.GetProperty("medicine").GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Empty(unknown.GetProperty("raisedAlerts").EnumerateArray());

        var known = await AddAsync(new { name = "Test analgesic", classes = new[] { "nsaid" } });
        Assert.Equal("NoKnownInteraction", known.GetProperty("medicine").GetProperty("outcome").GetString());
        Assert.Empty(known.GetProperty("raisedAlerts").EnumerateArray());

        var benzo = await AddAsync(new { name = "Diazepam", classes = new[] { "benzodiazepine" } });
        Assert.Equal("InteractionsFound", benzo.GetProperty("medicine").GetProperty("outcome").GetString());
        var alert = Assert.Single(benzo.GetProperty("raisedAlerts").EnumerateArray());
        Assert.StartsWith("interaction:", alert.GetProperty("conditionKey").GetString(), StringComparison.Ordinal);

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/medicines");
        Assert.Equal<string>(["NoData", "NoKnownInteraction", "InteractionsFound"], list.EnumerateArray().Select(m => m.GetProperty("outcome").GetString()!).ToList());

        var bad = await client.PostAsJsonAsync($"/api/patients/{id}/medicines", new { name = "X", classes = new[] { "not-a-class" } });
        await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
