using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Speciosa.Web.Audit;
using Speciosa.Web.Demo;
using Xunit;

namespace Speciosa.Web.Tests.Audit;

/// <summary>Issue 18 item 7: a list discloses several patients at once, so its audit row names each of them.</summary>
public sealed class BulkReadAuditTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_patient_list_api_and_page_record_every_patient_they_showed(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");

        var page = await clinician.GetFromJsonAsync<JsonElement>("/api/patients?pageSize=3");
        var shown = IdsOf(page.GetProperty("items"), "id");
        Assert.Equal(3, shown.Count);
        Assert.Equal(shown, await LastShownAsync(server, "patient.list"));

        await clinician.GetStringAsync("/patients");
        var all = await clinician.GetFromJsonAsync<JsonElement>("/api/patients?pageSize=25");
        Assert.Equal(IdsOf(all.GetProperty("items"), "id").ToHashSet(), (await LastShownAsync(server, "page.patient-list")).ToHashSet());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_alert_worklist_records_the_patients_of_the_alerts_it_showed(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");

        var page = await clinician.GetFromJsonAsync<JsonElement>("/api/alerts?status=all&pageSize=100");
        var patients = IdsOf(page.GetProperty("items"), "patientId").Distinct().ToList();
        Assert.NotEmpty(patients);
        Assert.Equal(patients, await LastShownAsync(server, "alert.list"));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_lots_exposure_list_records_every_exposed_patient_and_older_rows_still_verify(Database database)
    {
        var server = await servers.On(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        var lotId = await ProductTestData.DemoLotIdAsync(quality, DemoProducts.PassingLot);

        var exposure = await quality.GetFromJsonAsync<JsonElement>($"/api/lots/{lotId}/exposures?windowDays=30");
        var exposed = IdsOf(exposure.GetProperty("patients"), "patientId");
        Assert.Equal(3, exposed.Count);
        Assert.Equal(exposed, await LastShownAsync(server, "lot.exposures"));

        // A one-patient read names its patient, not a list; the chain (rows with and without a list) verifies.
        var clinician = await server.SignedInClientAsync("demo.clinician");
        await clinician.GetStringAsync($"/api/patients/{exposed[0]}");
        var single = await server.QueryAsync(db => db.AuditEntries.Where(e => e.Action == "patient.read").OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Equal(exposed[0], single.PatientId);
        Assert.Null(single.PatientIdsShown);
        var verify = await (await server.SignedInClientAsync("demo.admin")).GetFromJsonAsync<JsonElement>("/api/audit/verify");
        Assert.True(verify.GetProperty("intact").GetBoolean());
    }

    private static List<Guid> IdsOf(JsonElement items, string property) =>
        items.EnumerateArray().Select(i => i.GetProperty(property).GetGuid()).ToList();

    private static async Task<List<Guid>> LastShownAsync(SpeciosaServer server, string action)
    {
        var entry = await server.QueryAsync(db => db.AuditEntries.Where(e => e.Action == action).OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Equal(AuditOutcome.Success, entry.Outcome);
        Assert.NotNull(entry.PatientIdsShown);
        return entry.PatientIdsShown.Split(',').Select(Guid.Parse).ToList();
    }
}
