using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Speciosa.Web.Regimens;
using Xunit;
using static Speciosa.Testing.RegimenTestData;

namespace Speciosa.Web.Tests.Regimens;

/// <summary>Issue 15 item 2: a dose that was due is given, held, refused or missed; every status but given says why, and
/// only a given dose counts (limits, chart). Doses from before M0026 are given.</summary>
public sealed class DoseStatusTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_held_dose_needs_its_reason_is_kept_in_the_log_with_its_audit_row_and_counts_against_no_limit(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var (patientId, lotId) = await PatientOnAnOrderAsync(clinician); // 2 g an administration, at most 3 a day

        var noReason = await (await nurse.PostAsJsonAsync($"/api/patients/{patientId}/doses", new { status = "held" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Say why the dose was held", noReason.GetProperty("errors").GetProperty("reason")[0].GetString(), StringComparison.Ordinal);
        var unknown = await (await nurse.PostAsJsonAsync($"/api/patients/{patientId}/doses", new { status = "skipped", reason = "x" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("given, held, refused, missed", unknown.GetProperty("errors").GetProperty("status")[0].GetString(), StringComparison.Ordinal);
        var withGrams = await (await nurse.PostAsJsonAsync($"/api/patients/{patientId}/doses", new { status = "refused", reason = "Declined today", grams = 2m }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(withGrams.GetProperty("errors").TryGetProperty("grams", out _));

        foreach (var (status, reason) in new[] { ("held", "POSS 3 at 09:10; clinician told."), ("refused", "Declined: nausea."), ("missed", "Did not attend.") })
        {
            var saved = await nurse.PostAsJsonAsync($"/api/patients/{patientId}/doses", new { status, reason, note = "Round note" });
            Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
            var view = await saved.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(status, view.GetProperty("status").GetString());
            Assert.Equal(reason, view.GetProperty("statusReason").GetString());
        }

        // Three not-given doses today take none of the three administrations a day: three given doses still fit.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await nurse.PostAsJsonAsync($"/api/patients/{patientId}/doses", new { grams = 2m, lotId, note = "Given on the round" })).StatusCode);
        }

        await (await nurse.PostAsJsonAsync($"/api/patients/{patientId}/doses", new { grams = 1m, lotId })).AssertProblemAsync(HttpStatusCode.Conflict);
        var chart = await nurse.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/dose-chart");
        var today = chart.GetProperty("days").EnumerateArray().Last();
        Assert.Equal(3, today.GetProperty("administrations").GetInt32());
        Assert.Equal(6m, today.GetProperty("grams").GetDecimal());

        var log = await nurse.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/doses");
        var statuses = log.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("status").GetString()).Order().ToList();
        Assert.Equal(["given", "given", "given", "held", "missed", "refused"], statuses);
        Assert.Equal(6, await server.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "dose.create" && a.PatientId == patientId && a.Outcome == "success")));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Doses_recorded_before_the_status_existed_are_given_and_a_patient_cannot_record_a_held_dose(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var seeded = await PatientIdAsync(clinician, "Placeholder"); // the demo's doses, written as before M0026
        var statuses = await server.QueryAsync(db => db.Doses.IgnoreQueryFilters().Where(d => d.PatientId == seeded).Select(d => d.Status).Distinct().ToListAsync());
        Assert.Equal(["Given"], statuses);

        var (patientId, patient) = await PatientWithPortalAsync(server, clinician);
        var (productId, lotId) = await LeafLotAsync(clinician);
        Assert.Equal(HttpStatusCode.Created, (await clinician.PostAsJsonAsync($"/api/patients/{patientId}/regimens", Order(productId, lotId))).StatusCode);
        var refused = await (await patient.PostAsJsonAsync($"/api/patients/{patientId}/doses", new { status = "missed", reason = "Forgot" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("status", out _));
    }
}
