using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Medicines;

/// <summary>Issue 15 item 5: a medicine's dose, unit, frequency and route are changed (not added again), under the medicine's
/// concurrency stamp, with a reason kept in its history (who, when, what, why), and the interaction screen re-runs and says what
/// changed.</summary>
public sealed class MedicineEditTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private static async Task<(Guid Patient, JsonElement Medicine)> SertralineAsync(HttpClient client, string name)
    {
        var id = await PatientTestData.EnrolAsync(client, name);
        var response = await client.PostAsJsonAsync($"/api/patients/{id}/medicines",
            new { name = "sertraline", dose = "50", unit = "mg", frequency = "once a day", route = "oral" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (id, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("medicine"));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Raising_sertralines_dose_changes_the_same_entry_keeps_who_when_and_why_and_a_retry_changes_nothing_more(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var (id, medicine) = await SertralineAsync(client, "Edit sertraline");
        var medicineId = medicine.GetProperty("id").GetGuid();
        var body = new { dose = "100", unit = "mg", frequency = "twice a day", route = "oral", reason = "Dose raised by her GP",
            concurrencyStamp = medicine.GetProperty("concurrencyStamp").GetGuid() };

        var response = await client.PutAsJsonAsync($"/api/patients/{id}/medicines/{medicineId}", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var edited = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("100", "twice a day", "InteractionsFound"), (edited.GetProperty("medicine").GetProperty("dose").GetString(),
            edited.GetProperty("medicine").GetProperty("frequency").GetString(), edited.GetProperty("medicine").GetProperty("outcome").GetString()));
        Assert.Equal("Changing sertraline (dose 50 mg → 100 mg; frequency once a day → twice a day) changed no alert.",
            edited.GetProperty("change").GetProperty("summary").GetString());
        Assert.NotEqual(medicine.GetProperty("concurrencyStamp").GetGuid(), edited.GetProperty("medicine").GetProperty("concurrencyStamp").GetGuid());

        // One entry, still current, its interaction alert still open: a change, not a new medicine.
        var list = (await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/medicines?status=all")).EnumerateArray().ToList();
        Assert.Equal(medicineId, Assert.Single(list).GetProperty("id").GetGuid());
        Assert.Equal(1, await server.QueryAsync(db => db.Alerts.CountAsync(a => a.PatientId == id && a.RuleId == "interaction.serotonergic" && a.Status == "open")));

        var history = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/medicines/{medicineId}/changes")).EnumerateArray());
        Assert.Equal("Dr Casey Clinician (demo)", history.GetProperty("changedBy").GetString());
        Assert.Equal("Dose raised by her GP", history.GetProperty("reason").GetString());
        Assert.Equal("dose 50 mg, frequency once a day, route By mouth (oral)", history.GetProperty("before").GetString());
        Assert.Equal("dose 100 mg, frequency twice a day, route By mouth (oral)", history.GetProperty("after").GetString());
        Assert.True(await server.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "medicine.update" && a.ResourceId == medicineId.ToString())));

        // The client did not hear the answer and sends the same edit again: it already reads so, nothing more is recorded.
        var retry = await client.PutAsJsonAsync($"/api/patients/{id}/medicines/{medicineId}", body);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("change").ValueKind);
        Assert.Equal(1, await server.QueryAsync(db => db.PatientMedicineChanges.CountAsync(c => c.MedicineId == medicineId)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_stale_stamp_a_missing_field_a_unit_off_the_list_or_no_reason_is_refused_naming_the_field_and_changes_nothing(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var (id, medicine) = await SertralineAsync(client, "Edit refused");
        var medicineId = medicine.GetProperty("id").GetGuid();
        var stamp = medicine.GetProperty("concurrencyStamp").GetGuid();
        var path = $"/api/patients/{id}/medicines/{medicineId}";

        var stale = await client.PutAsJsonAsync(path, new { dose = "100", unit = "mg", frequency = "once a day", route = "oral", reason = "GP", concurrencyStamp = Guid.NewGuid() });
        Assert.Equal("urn:speciosa:problem:stale-write", (await stale.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("type").GetString());

        var missing = await client.PutAsJsonAsync(path, new { dose = "100", frequency = "once a day", route = "oral", reason = "GP", concurrencyStamp = stamp });
        Assert.True((await missing.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("unit", out _));

        var badUnit = await client.PutAsJsonAsync(path, new { dose = "100", unit = "buckets", frequency = "once a day", route = "oral", reason = "GP", concurrencyStamp = stamp });
        var unitProblem = (await badUnit.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("unit")[0].GetString();
        Assert.Contains("mg", unitProblem, StringComparison.Ordinal);

        var noReason = await client.PutAsJsonAsync(path, new { dose = "100", unit = "mg", frequency = "once a day", route = "by teleport", reason = " ", concurrencyStamp = stamp });
        var errors = (await noReason.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("reason", out _) && errors.TryGetProperty("route", out _));

        Assert.Equal("50", await server.QueryAsync(db => db.PatientMedicines.Where(m => m.Id == medicineId).Select(m => m.Dose).SingleAsync()));
        Assert.Equal(0, await server.QueryAsync(db => db.PatientMedicineChanges.CountAsync(c => c.MedicineId == medicineId)));

        var stopped = await client.PostAsJsonAsync($"{path}/stop", new { reason = "Stopped by GP", concurrencyStamp = stamp });
        var newStamp = (await stopped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("medicine").GetProperty("concurrencyStamp").GetGuid();
        var afterStop = await client.PutAsJsonAsync(path, new { dose = "100", unit = "mg", frequency = "once a day", route = "oral", reason = "GP", concurrencyStamp = newStamp });
        Assert.Contains("stopped", (await afterStop.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_page_changes_a_dose_then_shows_what_changed_and_the_history_and_keeps_a_wrong_input_beside_its_field(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var (id, medicine) = await SertralineAsync(client, "Page edit");
        var medicineId = medicine.GetProperty("id").GetGuid();
        var path = $"/patients/{id}/medicines";
        var handler = $"edit-{medicineId}";
        var before = await client.GetStringAsync(path);
        var fields = HtmlForm.FieldsOf(before, handler);
        Assert.Equal(("50", "mg", "once a day", "oral"), (fields["dose"], fields["unit"], fields["frequency"], fields["route"]));

        fields["dose"] = "lots";
        fields["reason"] = "Raised by GP";
        var bad = await client.PostFormAsync(path, handler, fields, before);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badPage = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains($"id=\"{handler}-dose-problem\" role=\"alert\"><strong>Problem:</strong> The amount as a number", badPage, StringComparison.Ordinal);
        Assert.Contains("value=\"lots\"", badPage, StringComparison.Ordinal);
        Assert.Contains("value=\"Raised by GP\"", badPage, StringComparison.Ordinal);

        fields = HtmlForm.FieldsOf(badPage, handler);
        fields["dose"] = "100";
        var page = await client.FollowAsync(await client.PostFormAsync(path, handler, fields, badPage));
        Assert.Contains("What changed:</strong> Changing sertraline (dose 50 mg → 100 mg) changed no alert.", page, StringComparison.Ordinal);
        Assert.Contains("Changes to sertraline (1)", page, StringComparison.Ordinal);
        Assert.Contains("Dr Casey Clinician (demo): dose 50 mg → 100 mg. Why: Raised by GP.", page, StringComparison.Ordinal);

        // The form read before the change carries the old stamp: refused beside the form, nothing changed.
        var stale = await client.PostFormAsync(path, handler, [.. HtmlForm.FieldsOf(before, handler).Where(f => f.Key != "idempotencyKey"),
            new("reason", "Again"), new("idempotencyKey", Guid.NewGuid().ToString())], before);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone changed this medicine since you opened the page", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await server.QueryAsync(db => db.PatientMedicineChanges.CountAsync(c => c.MedicineId == medicineId)));
    }
}
