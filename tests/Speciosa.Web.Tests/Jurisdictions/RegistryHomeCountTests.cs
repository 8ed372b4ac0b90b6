using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Jurisdictions;

/// <summary>Issue 15 item 1, the administrator's home: besides stale entries, the registry entries changed recently and the changes
/// waiting for a second administrator, each a count equal to the rows of the list it opens.</summary>
public sealed partial class RegistryHomeCountTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private const string Utah = "us-ut-2019-05-14";
    private const string Changed = "/jurisdictions?changedRecently=true";
    private const string Pending = "/jurisdictions/proposals";

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_edit_counts_as_changed_recently_a_ban_as_awaiting_a_second_administrator_and_each_list_shows_as_many_rows(Database database)
    {
        var server = await servers.On(database);
        var admin = await server.SignedInClientAsync("demo.admin");
        var before = await CountsAsync(admin);
        Assert.Equal(before[Changed], await RowsAsync(admin, Changed, "jurisdictions"));
        Assert.Equal(before[Pending], await RowsAsync(admin, Pending, "proposals"));
        Assert.DoesNotContain(Utah, await admin.GetStringAsync("/api/jurisdictions?changedRecently=true&pageSize=100"), StringComparison.Ordinal);

        var read = await admin.GetFromJsonAsync<JsonObject>($"/api/jurisdictions/{Utah}");
        var entry = read!["entry"]!.AsObject();
        entry["note"] = "Re-read for the home count test (made up).";
        var saved = await admin.PutAsJsonAsync($"/api/jurisdictions/{Utah}",
            new { reason = "Wording only", concurrencyStamp = read["concurrencyStamp"]!.GetValue<string>(), entry });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = (await saved.Content.ReadFromJsonAsync<JsonObject>())!;
        var raised = after["entry"]!.AsObject();
        raised["minimumAge"] = 25;
        var proposed = await admin.PutAsJsonAsync($"/api/jurisdictions/{Utah}",
            new { reason = "Age raised (made-up test)", concurrencyStamp = after["concurrencyStamp"]!.GetValue<string>(), entry = raised });
        Assert.Equal(HttpStatusCode.Accepted, proposed.StatusCode);

        var now = await CountsAsync(admin);
        Assert.Equal((before[Changed] + 1, before[Pending] + 1), (now[Changed], now[Pending]));
        Assert.Equal(now[Changed], await RowsAsync(admin, Changed, "jurisdictions"));
        Assert.Equal(now[Pending], await RowsAsync(admin, Pending, "proposals"));
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/jurisdictions?changedRecently=true&pageSize=100");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == Utah);
        Assert.Equal(30, listed.GetProperty("changedWithinDays").GetInt32());
    }

    /// <summary>The home page's counts, by the address each opens.</summary>
    private static async Task<Dictionary<string, int>> CountsAsync(HttpClient client) =>
        CountLink().Matches(await client.GetStringAsync("/")).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["href"].Value),
            m => int.Parse(m.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<int> RowsAsync(HttpClient client, string path, string table)
    {
        var html = await client.GetStringAsync(path);
        var body = Regex.Match(html, $"<table class=\"data {table}\".*?<tbody>(.*?)</tbody>", RegexOptions.Singleline);
        return body.Success ? Regex.Matches(body.Groups[1].Value, "<tr[ >]").Count : 0;
    }

    [GeneratedRegex("""<a href="(?<href>[^"]+)" data-count="(?<count>\d+)" """)]
    private static partial Regex CountLink();
}
