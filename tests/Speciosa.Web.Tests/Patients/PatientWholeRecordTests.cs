using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Patients;

/// <summary>A PUT replaces the whole record, so it must name every field: found in testing, a PUT without
/// pregnant, breastfeeding, the portal link or the care team silently cleared them.</summary>
public sealed class PatientWholeRecordTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private static async Task<(Guid PatientId, Guid ClinicianId)> LinkedDemoRecordAsync(SpeciosaServer server)
    {
        var patient = await server.SignedInClientAsync("demo.patient");
        var own = await patient.GetFromJsonAsync<JsonElement>("/api/patients");
        var id = Assert.Single(own.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid();
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpeciosaDbContext>();
        var clinicianId = await db.Users.Where(u => u.UserName == "demo.clinician").Select(u => u.Id).SingleAsync();
        return (id, clinicianId);
    }

    [Theory]
    [ClassData(typeof(BothDatabases))]
    public async Task A_put_that_leaves_out_safety_flags_the_portal_link_or_the_care_team_is_a_400_naming_each_and_changes_nothing(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (id, clinicianId) = await LinkedDemoRecordAsync(server);
        var set = await clinician.PutWholeRecordAsync(id, r =>
        {
            r["pregnant"] = true;
            r["breastfeeding"] = true;
            r["careTeam"] = new JsonArray(JsonValue.Create(clinicianId));
        });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var before = await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{id}");
        Assert.NotEqual(JsonValueKind.Null, before.GetProperty("portalUserId").ValueKind);

        var partial = PatientEdits.WholeRecord(before, r =>
        {
            r["givenName"] = "Renamed";
            foreach (var field in new[] { "pregnant", "breastfeeding", "planningConception", "careTeam", "portalUserId" })
            {
                r.Remove(field);
            }
        });
        var response = await clinician.PutAsync($"/api/patients/{id}", PatientEdits.Json(partial));

        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(
            ["breastfeeding", "careTeam", "planningConception", "portalUserId", "pregnant"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        var after = await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{id}");
        Assert.Equal(before.GetRawText(), after.GetRawText());
    }

    [Theory]
    [ClassData(typeof(BothDatabases))]
    public async Task A_put_that_carries_every_field_keeps_the_flags_it_repeats_and_changes_what_it_changes(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (id, _) = await LinkedDemoRecordAsync(server);
        Assert.Equal(HttpStatusCode.OK, (await clinician.PutWholeRecordAsync(id, r => r["pregnant"] = true)).StatusCode);
        var before = await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{id}");

        var renamed = await clinician.PutWholeRecordAsync(id, r => r["phone"] = "+1 615 555 0100");

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var after = await renamed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("+1 615 555 0100", after.GetProperty("phone").GetString());
        Assert.True(after.GetProperty("pregnant").GetBoolean());
        Assert.Equal(before.GetProperty("portalUserId").GetGuid(), after.GetProperty("portalUserId").GetGuid());
        Assert.Equal(before.GetProperty("careTeam").GetRawText(), after.GetProperty("careTeam").GetRawText());
    }

    [Theory]
    [ClassData(typeof(BothDatabases))]
    public async Task A_put_with_a_flag_of_the_wrong_kind_is_a_400_on_that_field(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (id, _) = await LinkedDemoRecordAsync(server);

        var response = await clinician.PutWholeRecordAsync(id, r => r["pregnant"] = "maybe");

        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("pregnant", out _), errors.ToString());
    }
}
