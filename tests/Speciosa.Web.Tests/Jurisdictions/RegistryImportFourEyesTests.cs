using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Speciosa.Web.Jurisdictions;
using Xunit;

namespace Speciosa.Web.Tests.Jurisdictions;

/// <summary>Issue 15 item 8: an import no longer bypasses four eyes. The file's entries whose change refuses supply are kept as
/// pending proposals (one per entry, as a single edit would be) while its other entries apply; a second administrator approves
/// each, and the history names both.</summary>
public sealed class RegistryImportFourEyesTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private const string Tennessee = "us-tn-2018"; // every demo patient lives in Tennessee
    private const string Utah = "us-ut-2019-05-14";

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_imported_ban_waits_for_a_second_administrator_while_the_files_other_changes_apply_and_the_history_names_both(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var admin = await server.SignedInClientAsync("demo.admin");
        var file = JsonNode.Parse(await admin.GetStringAsync("/api/jurisdictions/export"))!;
        Entry(file, Tennessee)["status"] = "Banned";
        Entry(file, Tennessee)["statusText"] = "Scheduled (made-up test law)";
        Entry(file, Utah)["note"] = "Re-read for the four-eyes import test (made up).";

        var response = await admin.PostAsync("/api/jurisdictions/import?reason=Quarterly%20review%20(made%20up)",
            new StringContent(file.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([Utah], result.GetProperty("updated").EnumerateArray().Select(e => e.GetString()));
        var proposed = Assert.Single(result.GetProperty("proposed").EnumerateArray());
        Assert.Equal((Tennessee, "Pending", "demo.admin"), (proposed.GetProperty("entryId").GetString(), proposed.GetProperty("status").GetString(),
            proposed.GetProperty("proposedBy").GetString()));
        Assert.Contains("becomes banned", proposed.GetProperty("refusesSupply")[0].GetString(), StringComparison.Ordinal);

        // Utah's wording applied; Tennessee unchanged and nobody alerted until a second administrator approves.
        Assert.Contains("four-eyes import test", await admin.GetStringAsync($"/api/jurisdictions/{Utah}"), StringComparison.Ordinal);
        Assert.Equal("Regulated", await StatusAsync(admin));
        Assert.Equal(0, await server.QueryAsync(db => db.Alerts.CountAsync(a => a.RuleId == "jurisdiction.now-banned")));

        var url = $"/api/jurisdictions/proposals/{proposed.GetProperty("id").GetInt64()}";
        var self = await admin.PostAsJsonAsync(url + "/approve", new { concurrencyStamp = proposed.GetProperty("concurrencyStamp").GetString() });
        Assert.Equal("urn:speciosa:problem:second-approval-needed", (await self.AssertProblemAsync(HttpStatusCode.Forbidden)).GetProperty("type").GetString());

        var second = await server.SignedInClientAsync("demo.admin2");
        var approved = await second.PostAsJsonAsync(url + "/approve", new { concurrencyStamp = proposed.GetProperty("concurrencyStamp").GetString() });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("Banned", await StatusAsync(admin));
        Assert.True(await server.QueryAsync(db => db.Alerts.AnyAsync(a => a.RuleId == "jurisdiction.now-banned")));
        var latest = (await admin.GetFromJsonAsync<JsonElement>($"/api/jurisdictions/{Tennessee}")).GetProperty("history")[0];
        Assert.Equal(("demo.admin", "demo.admin2", "Quarterly review (made up)"), (latest.GetProperty("proposedBy").GetString(),
            latest.GetProperty("changedBy").GetString(), latest.GetProperty("reason").GetString()));

        // Importing the same file again proposes nothing new for Tennessee (it now reads so) and changes nothing.
        var again = await (await admin.PostAsync("/api/jurisdictions/import?reason=Again",
            new StringContent(file.ToJsonString(), Encoding.UTF8, "application/json"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 0), (again.GetProperty("updated").GetArrayLength(), again.GetProperty("proposed").GetArrayLength()));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_import_page_reports_which_entries_wait_for_a_second_administrator_and_links_each(Database database)
    {
        var server = await servers.On(database);
        var admin = await server.SignedInClientAsync("demo.admin");
        var file = JsonNode.Parse(await admin.GetStringAsync("/api/jurisdictions/export"))!;
        Entry(file, Utah)["minimumAge"] = 25;
        var pendingBefore = await server.QueryAsync(db => db.JurisdictionProposals.CountAsync(p => p.Status == "Pending"));

        var page = await admin.FollowAsync(await PostAsync(admin, file.ToJsonString(), "Age raised (made-up test)"));

        Assert.Contains("Imported: 0 new, 0 changed,", page, StringComparison.Ordinal);
        Assert.Contains("1 entry refuses supply and was not applied: it waits for a second administrator to approve it.", page, StringComparison.Ordinal);
        var proposal = await server.QueryAsync(db => db.JurisdictionProposals.Where(p => p.EntryId == Utah && p.Status == "Pending").SingleAsync());
        Assert.Contains($"<a href=\"/jurisdictions/proposals/{proposal.Id}\">Change to {Utah}</a>", page, StringComparison.Ordinal);
        Assert.Equal(pendingBefore + 1, await server.QueryAsync(db => db.JurisdictionProposals.CountAsync(p => p.Status == "Pending")));
        Assert.Equal(18, (await admin.GetFromJsonAsync<JsonElement>($"/api/jurisdictions/{Utah}")).GetProperty("entry").GetProperty("minimumAge").GetInt32());
    }

    private static JsonNode Entry(JsonNode file, string id) => file["entries"]!.AsArray().Single(e => e!["id"]!.GetValue<string>() == id)!;

    private static async Task<string?> StatusAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/jurisdictions/{Tennessee}")).GetProperty("entry").GetProperty("status").GetString();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string json, string reason)
    {
        var page = await client.GetStringAsync("/jurisdictions/import");
        using var body = new MultipartFormDataContent
        {
            { new StringContent("jurisdiction-import"), "_handler" },
            { new StringContent(HtmlForm.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(reason), "reason" },
            { new StringContent("true"), "confirm" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        body.Add(file, "file", "registry.json");
        return await client.PostAsync("/jurisdictions/import", body);
    }
}
