using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Jurisdictions;

public sealed class LegalStatusChangeAlertTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Banning_kratom_in_a_country_alerts_exactly_its_active_patients_once(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var active = await EnrolAsync(clinician, "Active", "NZ", "active");
        var withdrawn = await EnrolAsync(clinician, "Withdrawn", "NZ", "withdrawn");
        var elsewhere = await EnrolAsync(clinician, "Elsewhere", "FJ", "active");

        var admin = await server.SignedInClientAsync("demo.admin");
        var created = await admin.PostAsJsonAsync("/api/jurisdictions", new
        {
            reason = "New national scheduling (test)",
            entry = new
            {
                id = "nz-test-ban", country = "NZ", status = "Banned", statusText = "Scheduled (test entry)",
                effective = "2026-01-01", sources = new[] { new { id = "TEST-NZ", citation = "Test gazette notice 2026" } },
                lastVerified = "2026-11-01", verified = true,
            },
        });
        Assert.Empty(await AlertsAsync(clinician, active)); // a ban waits for a second administrator
        await FourEyes.ApproveAsync(server, created);

        // The status change, and (issue 15 item 8: the preview's "supply becomes refused" is applied with the change) the
        // supply refusal, which the periodic sweep would otherwise raise later.
        var alerts = await AlertsAsync(clinician, active);
        Assert.Equal(["jurisdiction.now-banned", "jurisdiction.supply-not-allowed"], alerts.Select(a => a.GetProperty("ruleId").GetString()).Order());
        var alert = alerts.Single(a => a.GetProperty("ruleId").GetString() == "jurisdiction.now-banned");
        Assert.Contains("Test gazette notice 2026", alert.ToString(), StringComparison.Ordinal);
        Assert.Empty(await AlertsAsync(clinician, withdrawn));
        Assert.Empty(await AlertsAsync(clinician, elsewhere));
    }

    private static async Task<Guid> EnrolAsync(HttpClient client, string family, string country, string status)
    {
        var response = await client.PostAsJsonAsync("/api/patients", new
        {
            givenName = "Legal", familyName = family + " (test)", dateOfBirth = "1985-04-02", sex = "female",
            countryCode = country, status, careTeam = Array.Empty<Guid>(), confirmLegalWarning = true,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<List<JsonElement>> AlertsAsync(HttpClient client, Guid patientId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/alerts")).EnumerateArray()
            .Where(a => a.GetProperty("ruleId").GetString()!.StartsWith("jurisdiction.", StringComparison.Ordinal)).ToList();
}
