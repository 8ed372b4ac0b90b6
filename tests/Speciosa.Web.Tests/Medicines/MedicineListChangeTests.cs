using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Medicines;

/// <summary>Issue 15 item 5: the medicine list can be stopped and corrected, and every change re-runs the interaction screen
/// and says what changed.</summary>
public sealed class MedicineListChangeTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private static async Task<JsonElement> AddAsync(HttpClient client, Guid patientId, object medicine)
    {
        var response = await client.PostAsJsonAsync($"/api/patients/{patientId}/medicines", medicine);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Stopping_sertraline_with_a_reason_resolves_its_interaction_alert_naming_the_stop_and_says_what_changed(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Stop sertraline");
        var added = await AddAsync(client, id, new { name = "sertraline", dose = "50", unit = "mg", frequency = "once a day", route = "oral", startedOn = "2026-01-05" });
        var medicine = added.GetProperty("medicine");
        Assert.Equal(("50", "mg", "oral"), (medicine.GetProperty("dose").GetString(), medicine.GetProperty("unit").GetString(), medicine.GetProperty("route").GetString()));
        Assert.Equal("Adding sertraline raised 1 alert: Kratom with serotonergic drugs.", added.GetProperty("change").GetProperty("summary").GetString());
        var medicineId = medicine.GetProperty("id").GetGuid();

        var noReason = await client.PostAsJsonAsync($"/api/patients/{id}/medicines/{medicineId}/stop",
            new { reason = " ", concurrencyStamp = medicine.GetProperty("concurrencyStamp").GetGuid() });
        var problem = await noReason.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));

        var stopped = await client.PostAsJsonAsync($"/api/patients/{id}/medicines/{medicineId}/stop",
            new { reason = "Low mood resolved; stopped by her GP", concurrencyStamp = medicine.GetProperty("concurrencyStamp").GetGuid() });
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        var body = await stopped.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Stopping sertraline removed 1 interaction: Kratom with serotonergic drugs.", body.GetProperty("change").GetProperty("summary").GetString());
        Assert.Equal("stopped", body.GetProperty("medicine").GetProperty("status").GetString());

        var alert = await server.QueryAsync(db => db.Alerts.SingleAsync(a => a.PatientId == id && a.RuleId == "interaction.serotonergic"));
        Assert.Equal("resolved", alert.Status);
        Assert.StartsWith("sertraline stopped on ", alert.ResolutionReason, StringComparison.Ordinal);
        Assert.Contains("(Low mood resolved; stopped by her GP)", alert.ResolutionReason, StringComparison.Ordinal);

        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/medicines")).EnumerateArray());
        var all = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/medicines?status=all")).EnumerateArray());
        Assert.Equal("Low mood resolved; stopped by her GP", all.GetProperty("stopReason").GetString());

        var again = await client.PostAsJsonAsync($"/api/patients/{id}/medicines/{medicineId}/stop",
            new { reason = "again", concurrencyStamp = all.GetProperty("concurrencyStamp").GetGuid() });
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Entered_in_error_needs_the_confirmation_and_the_current_stamp_then_leaves_every_rule_but_stays_listed(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Wrong diazepam");
        var medicine = (await AddAsync(client, id, new { name = "diazepam 5 mg bid" })).GetProperty("medicine");
        var medicineId = medicine.GetProperty("id").GetGuid();
        var stamp = medicine.GetProperty("concurrencyStamp").GetGuid();
        var path = $"/api/patients/{id}/medicines/{medicineId}/entered-in-error";

        var unconfirmed = await client.PostAsJsonAsync(path, new { reason = "Wrong patient", confirm = false, concurrencyStamp = stamp });
        Assert.True((await unconfirmed.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("confirm", out _));

        var stale = await client.PostAsJsonAsync(path, new { reason = "Wrong patient", confirm = true, concurrencyStamp = Guid.NewGuid() });
        var staleProblem = await stale.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("urn:speciosa:problem:stale-write", staleProblem.GetProperty("type").GetString());
        Assert.Equal("open", await server.QueryAsync(db => db.Alerts.Where(a => a.PatientId == id && a.RuleId == "interaction.benzodiazepines").Select(a => a.Status).SingleAsync()));

        var marked = await client.PostAsJsonAsync(path, new { reason = "Wrong patient", confirm = true, concurrencyStamp = stamp });
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.Equal("Marking diazepam entered in error removed 1 interaction: Kratom with benzodiazepines.",
            (await marked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("change").GetProperty("summary").GetString());

        var alert = await server.QueryAsync(db => db.Alerts.SingleAsync(a => a.PatientId == id && a.RuleId == "interaction.benzodiazepines"));
        Assert.Equal(("resolved", true), (alert.Status, alert.ResolutionReason!.StartsWith("diazepam marked entered in error (Wrong patient)", StringComparison.Ordinal)));
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/medicines")).EnumerateArray());
        var listed = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/medicines?status=all")).EnumerateArray());
        Assert.Equal(("entered-in-error", "Wrong patient"), (listed.GetProperty("status").GetString(), listed.GetProperty("enteredInErrorReason").GetString()));

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/patients/{id}/medicines"));
        Assert.Contains("<s>diazepam</s>", page, StringComparison.Ordinal);
        Assert.Contains("Entered in error: Wrong patient", page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_page_stops_a_medicine_with_a_reason_says_what_changed_once_and_refuses_a_stale_form(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Page stop");
        var medicineId = (await AddAsync(client, id, new { name = "sertraline" })).GetProperty("medicine").GetProperty("id").GetGuid();
        var path = $"/patients/{id}/medicines";
        var before = await client.GetStringAsync(path);
        var fields = HtmlForm.FieldsOf(before, $"stop-{medicineId}");

        var response = await client.PostFormAsync(path, $"stop-{medicineId}",
            [new("stamp", fields["stamp"]), new("reason", "Side effects"), new("stoppedOn", "")], before);
        var page = await client.FollowAsync(response);

        Assert.Contains("What changed:</strong> Stopping sertraline removed 1 interaction: Kratom with serotonergic drugs.", page, StringComparison.Ordinal);
        Assert.Contains("Resolved: Kratom with serotonergic drugs. Reason: sertraline stopped on", page, StringComparison.Ordinal);
        Assert.Contains("(Side effects)", page, StringComparison.Ordinal);
        Assert.Contains("Stopped and entered in error", page, StringComparison.Ordinal);
        var reload = WebUtility.HtmlDecode(await client.GetStringAsync(path + "?changed=1"));
        Assert.DoesNotContain("What changed:", reload, StringComparison.Ordinal);

        // The form read before the stop carries the old stamp: correcting from it is refused, beside the form, and changes nothing.
        var stale = await client.PostFormAsync(path, $"eie-{medicineId}",
            [new("stamp", fields["stamp"]), new("reason", "Typo"), new("confirm", "true")], before);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone changed this medicine since you opened the page", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await server.QueryAsync(db => db.PatientMedicines.Where(m => m.Id == medicineId).Select(m => m.EnteredInError).SingleAsync()));

        var fresh = await client.GetStringAsync(path);
        var unticked = await client.PostFormAsync(path, $"eie-{medicineId}",
            [new("stamp", HtmlForm.FieldsOf(fresh, $"eie-{medicineId}")["stamp"]), new("reason", "Typo")], fresh);
        Assert.Equal(HttpStatusCode.BadRequest, unticked.StatusCode);
        Assert.Contains("Tick the box to confirm", WebUtility.HtmlDecode(await unticked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("value=\"Typo\"", await unticked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
