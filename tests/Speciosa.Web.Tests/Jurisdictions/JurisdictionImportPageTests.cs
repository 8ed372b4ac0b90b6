using System.Net;
using System.Net.Http.Headers;
using System.Text;
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

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("0 new, 0 changed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
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

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string json, string reason)
    {
        var page = await client.GetStringAsync("/jurisdictions/import");
        using var body = new MultipartFormDataContent
        {
            { new StringContent("jurisdiction-import"), "_handler" },
            { new StringContent(HtmlForm.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(reason), "reason" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        body.Add(file, "file", "registry.json");
        return await client.PostAsync("/jurisdictions/import", body);
    }
}
