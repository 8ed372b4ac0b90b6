using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Medicines;

public sealed class AlprazolamScreeningTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Adding_alprazolam_by_name_raises_the_benzodiazepine_interaction_alert_with_its_source(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Alprazolam");

        var response = await client.PostAsJsonAsync($"/api/patients/{id}/medicines", new { name = "alprazolam", classes = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var added = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("InteractionsFound", added.GetProperty("medicine").GetProperty("outcome").GetString());
        Assert.Contains("benzodiazepine", added.GetProperty("medicine").GetProperty("classes").EnumerateArray().Select(c => c.GetString()));
        var alert = Assert.Single(added.GetProperty("raisedAlerts").EnumerateArray());
        Assert.False(string.IsNullOrWhiteSpace(alert.GetProperty("sourceCitation").GetString()));

        // Re-adding the same medicine does not open a second alert for the same rule and medicine.
        var again = await client.PostAsJsonAsync($"/api/patients/{id}/medicines", new { name = "alprazolam", classes = Array.Empty<string>() });
        Assert.Empty((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("raisedAlerts").EnumerateArray());
    }
}
