using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Speciosa.Clinical.Jurisdictions;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Jurisdictions;

public sealed class JurisdictionRegistryTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private const string Louisiana = "us-la-2025-08-01";

    private static async Task<int> TotalAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/jurisdictions?pageSize=100")).GetProperty("total").GetInt32();

    private static async Task<JsonNode> DetailAsync(HttpClient client, string id) =>
        JsonNode.Parse(await client.GetStringAsync($"/api/jurisdictions/{id}"))!;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_shipped_registry_is_loaded_once_and_a_restart_does_not_duplicate_it(Database database)
    {
        var clinicDatabase = await servers.NewDatabaseAsync(database);
        var expected = JurisdictionRegistrySeed.Load().Count;

        await using (var first = await clinicDatabase.StartServerAsync())
        {
            var client = await first.SignedInClientAsync("demo.nurse");
            Assert.Equal(expected, await TotalAsync(client));
        }

        await using (var second = await clinicDatabase.StartServerAsync())
        {
            var client = await second.SignedInClientAsync("demo.nurse");
            Assert.Equal(expected, await TotalAsync(client));
            var alabama = await DetailAsync(client, "us-al-2016-05");
            Assert.False(alabama["summary"]!["verified"]!.GetValue<bool>(), "An entry the reference marks secondary-only must stay unverified.");
            var history = alabama["history"]!.AsArray();
            Assert.Single(history);
            Assert.Equal("Seeded", history[0]!["kind"]!.GetValue<string>());
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_admin_edit_with_a_reason_is_kept_in_history_and_one_without_a_reason_is_refused(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var admin = await server.SignedInClientAsync("demo.admin");
        var detail = await DetailAsync(admin, Louisiana);
        var entry = detail["entry"]!.DeepClone();
        var oldNote = entry["note"]?.GetValue<string>();
        entry["note"] = "Checked against Act 41 of 2025 text.";

        var missingReason = await admin.PutAsJsonAsync($"/api/jurisdictions/{Louisiana}",
            new { reason = "  ", concurrencyStamp = detail["concurrencyStamp"]!.GetValue<string>(), entry });
        var problem = await missingReason.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));

        var saved = await admin.PutAsJsonAsync($"/api/jurisdictions/{Louisiana}",
            new { reason = "Statute re-read on the legislature site", concurrencyStamp = detail["concurrencyStamp"]!.GetValue<string>(), entry });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var after = await DetailAsync(admin, Louisiana);
        Assert.Equal("Checked against Act 41 of 2025 text.", after["entry"]!["note"]!.GetValue<string>());
        var newest = after["history"]!.AsArray()[0]!;
        Assert.Equal("Updated", newest["kind"]!.GetValue<string>());
        Assert.Equal("Statute re-read on the legislature site", newest["reason"]!.GetValue<string>());
        Assert.Equal("demo.admin", newest["changedBy"]!.GetValue<string>());
        Assert.Equal(oldNote, newest["before"]!["note"]?.GetValue<string>());
        Assert.Equal("Checked against Act 41 of 2025 text.", newest["after"]!["note"]!.GetValue<string>());

        // The stamp read before the edit is now stale: a second editor's change is not silently lost.
        var lost = await admin.PutAsJsonAsync($"/api/jurisdictions/{Louisiana}",
            new { reason = "Another edit", concurrencyStamp = detail["concurrencyStamp"]!.GetValue<string>(), entry });
        await lost.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_wrong_entry_is_refused_with_each_field_named(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var admin = await server.SignedInClientAsync("demo.admin");
        var response = await admin.PostAsJsonAsync("/api/jurisdictions", new
        {
            reason = "New state law",
            entry = new { id = "us-me-2027", country = "US", subdivision = "CA-ON", status = "Legalish", sources = Array.Empty<object>() },
        });
        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "entry.subdivision", "entry.status", "entry.statusText", "entry.effective", "entry.sources", "entry.lastVerified", "entry.verified" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"No error for {field}: {errors}");
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Staff_who_are_not_admins_can_read_the_registry_but_not_edit_or_import_it(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var detail = await DetailAsync(clinician, Louisiana);

        var edit = await clinician.PutAsJsonAsync($"/api/jurisdictions/{Louisiana}",
            new { reason = "I think it changed", concurrencyStamp = detail["concurrencyStamp"]!.GetValue<string>(), entry = detail["entry"] });
        await edit.AssertProblemAsync(HttpStatusCode.Forbidden);

        var export = await clinician.GetStringAsync("/api/jurisdictions/export");
        var import = await clinician.PostAsync("/api/jurisdictions/import?reason=test", Json(export));
        await import.AssertProblemAsync(HttpStatusCode.Forbidden);

        var patient = await server.SignedInClientAsync("demo.patient");
        await (await patient.GetAsync("/api/jurisdictions")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_import_with_one_wrong_entry_changes_nothing_and_names_the_entry_and_field(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var admin = await server.SignedInClientAsync("demo.admin");
        var file = JsonNode.Parse(await admin.GetStringAsync("/api/jurisdictions/export"))!;
        var entries = file["entries"]!.AsArray();
        var goodId = entries[1]!["id"]!.GetValue<string>();
        var goodBefore = await DetailAsync(admin, goodId);
        entries[1]!["statusText"] = "A good change that must not be applied";
        entries[3]!["status"] = "Legalish";

        var response = await admin.PostAsync("/api/jurisdictions/import?reason=Quarterly%20review", Json(file.ToJsonString()));
        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("entries[3].status", out var message), errors.ToString());
        Assert.Contains("Banned", message[0].GetString(), StringComparison.Ordinal);

        var goodAfter = await DetailAsync(admin, goodId);
        Assert.Equal(goodBefore["entry"]!.ToJsonString(), goodAfter["entry"]!.ToJsonString());
        Assert.Single(goodAfter["history"]!.AsArray());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Importing_an_export_changes_nothing_and_a_second_import_of_a_changed_file_only_once(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var admin = await server.SignedInClientAsync("demo.admin");
        var export = await admin.GetStringAsync("/api/jurisdictions/export");
        var count = JsonNode.Parse(export)!["entries"]!.AsArray().Count;

        var again = await admin.PostAsync("/api/jurisdictions/import?reason=Round%20trip", Json(export));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var result = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, result.GetProperty("created").GetArrayLength());
        Assert.Equal(0, result.GetProperty("updated").GetArrayLength());
        Assert.Equal(count, result.GetProperty("unchanged").GetInt32());
        Assert.Single((await DetailAsync(admin, Louisiana))["history"]!.AsArray());

        var changed = JsonNode.Parse(export)!;
        var la = changed["entries"]!.AsArray().First(e => e!["id"]!.GetValue<string>() == Louisiana)!;
        la["lastVerified"] = "2026-11-20";
        for (var i = 0; i < 2; i++)
        {
            var response = await admin.PostAsync("/api/jurisdictions/import?reason=Re-verified", Json(changed.ToJsonString()));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var history = (await DetailAsync(admin, Louisiana))["history"]!.AsArray();
        Assert.Equal(2, history.Count);
        Assert.Equal("Imported", history[0]!["kind"]!.GetValue<string>());

        var noReason = await admin.PostAsync("/api/jurisdictions/import", Json(export));
        Assert.True((await noReason.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Evaluate_answers_with_the_most_specific_entry_in_force_for_a_US_state(Database database)
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));
        await using var server = await servers.StartAsync(database, clock: clock);
        var admin = await server.SignedInClientAsync("demo.admin");
        var created = await admin.PostAsJsonAsync("/api/jurisdictions", new
        {
            reason = "Federal baseline for the test",
            entry = new
            {
                id = "us-federal-test", country = "US", status = "LegalUnregulated", statusText = "Not federally scheduled",
                effective = "2016-10-13", sources = new[] { new { id = "KS-S95", citation = "81 FR 70652 (withdrawal of notice of intent)" } },
                lastVerified = "2026-11-22", verified = true,
            },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var louisiana = await admin.GetFromJsonAsync<JsonElement>("/api/jurisdictions/evaluate?country=US&subdivision=US-LA");
        Assert.Equal("Banned", louisiana.GetProperty("status").GetString());
        Assert.Equal("Subdivision", louisiana.GetProperty("level").GetString());
        Assert.Equal(Louisiana, louisiana.GetProperty("entryId").GetString());
        Assert.False(louisiana.GetProperty("isStale").GetBoolean());
        Assert.Contains("US-LA", louisiana.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(0, louisiana.GetProperty("sources").GetArrayLength());

        var maine = await admin.GetFromJsonAsync<JsonElement>("/api/jurisdictions/evaluate?country=us&subdivision=us-me");
        Assert.Equal("LegalUnregulated", maine.GetProperty("status").GetString());
        Assert.Equal("Country", maine.GetProperty("level").GetString());

        var bad = await admin.GetAsync("/api/jurisdictions/evaluate?country=USA&subdivision=US-LA");
        Assert.True((await bad.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("country", out _));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_list_filters_by_status_and_shows_stale_entries_once_they_are_older_than_the_setting(Database database)
    {
        var clock = new ManualClock(new DateTimeOffset(2027, 6, 1, 12, 0, 0, TimeSpan.Zero));
        await using var server = await servers.StartAsync(database, clock: clock, settings: new Dictionary<string, string> { ["Jurisdictions:StaleAfterDays"] = "30" });
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var banned = await nurse.GetFromJsonAsync<JsonElement>("/api/jurisdictions?status=Banned&pageSize=100");
        Assert.All(banned.GetProperty("items").EnumerateArray(), i => Assert.Equal("Banned", i.GetProperty("status").GetString()));
        Assert.Contains(banned.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == Louisiana);

        var stale = await nurse.GetFromJsonAsync<JsonElement>("/api/jurisdictions?staleOnly=true&pageSize=100");
        Assert.Equal(JurisdictionRegistrySeed.Load().Count, stale.GetProperty("total").GetInt32());
        Assert.All(stale.GetProperty("items").EnumerateArray(), i => Assert.True(i.GetProperty("isStale").GetBoolean()));

        var badSort = await nurse.GetAsync("/api/jurisdictions?sort=password");
        await badSort.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
