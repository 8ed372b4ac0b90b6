using System.Net;
using System.Text.Json.Nodes;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Jurisdictions;

/// <summary>The administrator's registry entry form posted as a browser would: a change is confirmed with a tick.</summary>
public sealed class JurisdictionEditPageTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private const string Utah = "us-ut-2019-05-14";

    private static async Task<string?> NoteAsync(HttpClient client) =>
        JsonNode.Parse(await client.GetStringAsync($"/api/jurisdictions/{Utah}"))!["entry"]!["note"]?.GetValue<string>();

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_registry_edit_without_the_confirmation_tick_changes_nothing_says_why_beside_the_tick_and_keeps_the_input(Database database)
    {
        var server = await servers.On(database);
        var admin = await server.SignedInClientAsync("demo.admin");
        var path = $"/jurisdictions/{Utah}/edit";
        var page = await admin.GetStringAsync(path);
        Assert.Contains("This changes the legal status used for every patient who lives there; patients whose status changes are alerted",
            WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        var before = await NoteAsync(admin);
        var fields = HtmlForm.FieldsOf(page, "jurisdiction-edit");
        Assert.DoesNotContain("Input.ConfirmChange", fields.Keys); // never ticked beforehand
        fields["Input.Note"] = "Amendment date re-read (made up).";
        fields["Input.Reason"] = "Checked Utah Code 4-45 (made up)";

        var unconfirmed = await admin.PostFormAsync(path, "jurisdiction-edit", fields, page);

        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        var raw = await unconfirmed.Content.ReadAsStringAsync();
        var html = WebUtility.HtmlDecode(raw);
        Assert.Contains("id=\"confirm-problem\" role=\"alert\"><strong>Problem:</strong> Tick the box to confirm", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"reason-problem\"", html, StringComparison.Ordinal);
        Assert.Contains(">Checked Utah Code 4-45 (made up)</textarea>", html, StringComparison.Ordinal);
        Assert.Contains(">Amendment date re-read (made up).</textarea>", html, StringComparison.Ordinal);
        Assert.Equal(before, await NoteAsync(admin));

        // Issue 15 item 8: the refused save showed who the change affects (a note affects no one); ticked, it saves.
        Assert.Contains("No active patient of your clinic is affected.", html, StringComparison.Ordinal);
        fields = HtmlForm.FieldsOf(raw, "jurisdiction-edit");
        fields["Input.ConfirmChange"] = "true";
        var entry = await admin.FollowAsync(await admin.PostFormAsync(path, "jurisdiction-edit", fields));

        Assert.Contains("Checked Utah Code 4-45 (made up)", entry, StringComparison.Ordinal); // in the entry's history
        Assert.Equal("Amendment date re-read (made up).", await NoteAsync(admin));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_registry_form_problem_stands_beside_its_field_in_words_with_the_input_kept(Database database)
    {
        var server = await servers.On(database);
        var admin = await server.SignedInClientAsync("demo.admin");
        var path = $"/jurisdictions/{Utah}/edit";
        var page = await admin.GetStringAsync(path);
        var fields = HtmlForm.FieldsOf(page, "jurisdiction-edit");
        fields["Input.MinimumAge"] = "twenty-one";
        fields["Input.Reason"] = "Age limit re-read (made up)";
        fields["Input.ConfirmChange"] = "true";

        var refused = await admin.PostFormAsync(path, "jurisdiction-edit", fields, page);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("id=\"entry.minimumAge-problem\" role=\"alert\"><strong>Problem:</strong> A whole number of years.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("entry.minimumAge:", html, StringComparison.Ordinal); // no internal names in a list at the top
        Assert.Contains("value=\"twenty-one\"", html, StringComparison.Ordinal);
    }
}
