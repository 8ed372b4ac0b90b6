using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Jurisdictions;

public sealed class JurisdictionImportPageTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_admin_reimports_the_exported_registry_from_the_page_and_nothing_changes(Database database)
    {
        var server = await servers.On(database);
        var admin = await server.SignedInClientAsync("demo.admin");
        var export = await admin.GetStringAsync("/api/jurisdictions/export");

        var response = await PostAsync(admin, export, "Yearly check");

        // Post, then redirect: the page after the redirect reports the import, and a reload neither imports nor reports again.
        Assert.Contains("0 new, 0 changed", await admin.FollowAsync(response), StringComparison.Ordinal);
        Assert.DoesNotContain("import-result", await admin.GetStringAsync("/jurisdictions/import"), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_file_that_is_not_a_registry_changes_nothing_and_says_why(Database database)
    {
        var server = await servers.On(database);
        var admin = await server.SignedInClientAsync("demo.admin");
        var before = await admin.GetStringAsync("/api/jurisdictions/export");

        var response = await PostAsync(admin, "{ \"entries\": [ { \"id\": \"x\" } ] }", "Bad file");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nothing was imported", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await admin.GetStringAsync("/api/jurisdictions/export"));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_import_without_the_confirmation_tick_changes_nothing_says_why_beside_the_tick_and_keeps_the_reason(Database database)
    {
        var server = await servers.On(database);
        var admin = await server.SignedInClientAsync("demo.admin");
        Assert.Contains("This changes the legal status used for every patient who lives there; patients whose status changes are alerted",
            WebUtility.HtmlDecode(await admin.GetStringAsync("/jurisdictions/import")), StringComparison.Ordinal);
        var before = await admin.GetStringAsync("/api/jurisdictions/export");
        var file = JsonNode.Parse(before)!;
        var utah = file["entries"]!.AsArray().Single(e => e!["id"]!.GetValue<string>() == "us-ut-2019-05-14")!;
        utah["note"] = "Re-read for the import test (made up).";

        var unconfirmed = await PostAsync(admin, file.ToJsonString(), "Import test (made up)", confirm: false);

        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        var html = WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync());
        Assert.Contains("id=\"confirm-problem\" role=\"alert\"><strong>Problem:</strong> Tick the box to confirm", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Import test (made up)\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await admin.GetStringAsync("/api/jurisdictions/export"));

        var confirmed = await PostAsync(admin, file.ToJsonString(), "Import test (made up)");

        Assert.Contains("0 new, 1 changed", await admin.FollowAsync(confirmed), StringComparison.Ordinal);
        Assert.Contains("Re-read for the import test (made up).", await admin.GetStringAsync("/api/jurisdictions/us-ut-2019-05-14"), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string json, string reason, bool confirm = true)
    {
        var page = await client.GetStringAsync("/jurisdictions/import");
        using var body = new MultipartFormDataContent
        {
            { new StringContent("jurisdiction-import"), "_handler" },
            { new StringContent(HtmlForm.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(reason), "reason" },
        };
        if (confirm)
        {
            body.Add(new StringContent("true"), "confirm");
        }

        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        body.Add(file, "file", "registry.json");
        return await client.PostAsync("/jurisdictions/import", body);
    }
}
