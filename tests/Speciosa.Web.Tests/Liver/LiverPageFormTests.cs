using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Liver;

/// <summary>The liver page forms (panel, RUCAM worksheet, entered in error) posted as a browser would.</summary>
public sealed class LiverPageFormTests(DemoServers servers) : IClassFixture<DemoServers>
{
    // Rows in page order: 0 ALT, 1 AST, 2 ALP, 3 total bilirubin, 4 GGT, 5 INR.
    internal static Dictionary<string, string> HysLawPanelFields(DateTimeOffset at)
    {
        // A browser posts every row, empty ones included.
        var fields = Enumerable.Range(0, 6).SelectMany(i => new[] { "Value", "Unit", "ReferenceLow", "Uln" }.Select(f => $"Input.Rows[{i}].{f}"))
            .ToDictionary(k => k, _ => "");
        foreach (var (k, v) in HysLawValues(at))
        {
            fields[k] = v;
        }

        return fields;
    }

    private static Dictionary<string, string> HysLawValues(DateTimeOffset at) => new()
    {
        ["Input.CollectedAt"] = HtmlForm.DemoClinicLocal(at),
        ["Input.Rows[0].Value"] = "250", ["Input.Rows[0].Unit"] = "U/L", ["Input.Rows[0].Uln"] = "40",
        ["Input.Rows[2].Value"] = "100", ["Input.Rows[2].Unit"] = "U/L", ["Input.Rows[2].Uln"] = "120",
        ["Input.Rows[3].Value"] = "3.1", ["Input.Rows[3].Unit"] = "mg/dL", ["Input.Rows[3].ReferenceLow"] = "0.1", ["Input.Rows[3].Uln"] = "1.2",
    };

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_liver_panel_form_saves_the_results_and_the_page_shows_times_uln_grade_quadrant_and_alert(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Liverform");

        var page = await client.FollowAsync(await client.PostFormAsync($"/patients/{id}/liver", "liver-panel",
            HysLawPanelFields(DateTimeOffset.UtcNow.AddHours(-3))));

        Assert.Contains("Saved 3 results", page, StringComparison.Ordinal);
        Assert.Contains("6.25×", page, StringComparison.Ordinal); // ALT 250 / 40
        Assert.Contains("grade 3 (>5.0-20.0×ULN)", page, StringComparison.Ordinal);
        Assert.Contains("0.1–1.2 mg/dL", page, StringComparison.Ordinal);
        Assert.Contains("Upper-right quadrant; potential Hy's law: needs case review now", page, StringComparison.Ordinal);
        Assert.Contains("id=\"liver-panels\"", page, StringComparison.Ordinal);
        Assert.Contains("R = 7.5 (Hepatocellular)", page, StringComparison.Ordinal); // (250/40) ÷ (100/120)
        Assert.Contains("ALT or AST > 3 × ULN with total bilirubin > 2 × ULN or INR > 1.5: MET", page, StringComparison.Ordinal);
        Assert.Contains("not computable", page, StringComparison.Ordinal);
        Assert.Contains("liver.potential-hys-law", page, StringComparison.Ordinal);
        Assert.Contains("id=\"liver-chart-data\"", page, StringComparison.Ordinal);
        Assert.Equal(3, await server.QueryAsync(db => db.LabResults.CountAsync(r => r.PatientId == id && r.EnteredVia == "page")));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_invalid_liver_panel_stores_nothing_and_says_what_is_wrong_beside_the_field(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Liverbad");
        var fields = HysLawPanelFields(DateTimeOffset.UtcNow.AddHours(-3));
        fields["Input.Rows[0].Value"] = "lots";
        fields["Input.Rows[3].Uln"] = "";

        var response = await client.PostFormAsync($"/patients/{id}/liver", "liver-panel", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Nothing was saved", page, StringComparison.Ordinal);
        Assert.Contains("id=\"alt.value-problem\" role=\"alert\"><strong>Problem:</strong> A number, e.g. 42 or 1.8.", page, StringComparison.Ordinal);
        Assert.Contains("id=\"total-bilirubin.uln-problem\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"lots\"", page, StringComparison.Ordinal); // what was typed stays to correct
        Assert.Equal(0, await server.QueryAsync(db => db.LabResults.CountAsync(r => r.PatientId == id)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_kratom_history_form_saves_first_use_and_the_rucam_worksheet_counts_from_it_and_says_where_the_date_came_from(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientWithHysLawPanelAsync(client, "Firstuse");
        var path = $"/patients/{id}/liver/rucam";

        var bad = await client.PostFormAsync(path, "kratom-history", new Dictionary<string, string>
        {
            ["History.FirstUseOn"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["History.Basis"] = "",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badPage = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("id=\"firstUseOn-problem\"", badPage, StringComparison.Ordinal);
        Assert.Contains("id=\"basis-problem\"", badPage, StringComparison.Ordinal);
        Assert.Equal(0, await server.QueryAsync(db => db.KratomHistories.CountAsync(h => h.PatientId == id)));

        // Onset (the Hy's law panel) is 3 hours ago; first use 200 days before: RUCAM item 1 "from the start: > 90 days" (+1).
        var first = DateTime.UtcNow.AddDays(-200).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var page = await client.FollowAsync(await client.PostFormAsync(path, "kratom-history", new Dictionary<string, string>
        {
            ["History.FirstUseOn"] = first, ["History.Basis"] = "patient's account at intake",
        }));

        Assert.Contains("Kratom history saved", page, StringComparison.Ordinal);
        Assert.Contains($"First kratom exposure {first}, from the patient's kratom history", page, StringComparison.Ordinal);
        Assert.Contains("source: patient's account at intake", page, StringComparison.Ordinal);
        Assert.Contains("value=\"start-under5-or-over90\" checked", page, StringComparison.Ordinal);
        var api = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/patients/{id}/kratom-history");
        Assert.Equal(first, api.GetProperty("firstUseOn").GetString());
    }

    private async Task<Guid> PatientWithHysLawPanelAsync(HttpClient client, string family)
    {
        var id = await PatientTestData.EnrolAsync(client, family);
        var response = await client.PostAsync($"/api/patients/{id}/labs", System.Net.Http.Json.JsonContent.Create(LiverTestData.HysLawPanel(DateTimeOffset.UtcNow.AddHours(-3))));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_rucam_worksheet_fills_age_from_the_record_and_recalculates_with_the_clinicians_answers(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientWithHysLawPanelAsync(client, "Rucamform");
        var path = $"/patients/{id}/liver/rucam";

        var before = WebUtility.HtmlDecode(await client.GetStringAsync(path));
        Assert.Contains("hepatocellular scale applies", before, StringComparison.Ordinal);
        Assert.Contains("Filled from the record (you can change it):</strong> Age", before, StringComparison.Ordinal);
        Assert.Contains("To be answered by you:", before, StringComparison.Ordinal);
        Assert.Contains("First kratom exposure not recorded: enter the date of first use below.", before, StringComparison.Ordinal);
        Assert.Contains("Total 0: ", before, StringComparison.Ordinal);

        var response = await client.PostFormAsync(path, "rucam", new Dictionary<string, string>
        {
            ["answer.onset"] = "start-5-90", ["answer.known-hepatotoxicity"] = "published-not-labelled",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Matches("Total [1-9]: ", after);
        Assert.Contains("Answered by you:", after, StringComparison.Ordinal);
        Assert.Contains("value=\"start-5-90\" checked", after, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_rucam_answer_that_is_not_allowed_is_refused_beside_its_item(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientWithHysLawPanelAsync(client, "Rucambad");

        var response = await client.PostFormAsync($"/patients/{id}/liver/rucam", "rucam", new Dictionary<string, string> { ["answer.onset"] = "whenever" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"onset-problem\" role=\"alert\"><strong>Problem:</strong> Choose one of the answers listed for item 1.", page, StringComparison.Ordinal);
        Assert.Contains("Total 0: ", page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Marking_a_liver_result_entered_in_error_needs_a_reason_keeps_it_struck_through_and_clears_the_hys_law_alert(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Liverfix");
        await client.FollowAsync(await client.PostFormAsync($"/patients/{id}/liver", "liver-panel", HysLawPanelFields(DateTimeOffset.UtcNow.AddHours(-3))));
        Guid bilirubinId;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SpeciosaDbContext>();
            bilirubinId = await db.LabResults.Where(r => r.PatientId == id && r.Test == "TotalBilirubin").Select(r => r.Id).SingleAsync();
        }

        var refused = await client.PostFormAsync($"/patients/{id}/liver", $"eie-{bilirubinId}", [new("reason", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains($"id=\"eie-{bilirubinId}-problem\" role=\"alert\"><strong>Problem:</strong> A reason of 1 to 500 characters.",
            WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var page = await client.FollowAsync(await client.PostFormAsync($"/patients/{id}/liver", $"eie-{bilirubinId}",
            [new("reason", "Haemolysed sample (made up)"), new("confirm", "true")]));
        Assert.Contains("ENTERED IN ERROR: Haemolysed sample (made up)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("liver.potential-hys-law", page, StringComparison.Ordinal);
        Assert.Contains("No eDISH point", page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Entered_in_error_without_the_confirmation_tick_changes_nothing_says_why_beside_the_tick_and_keeps_the_reason(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Liverconfirm");
        await client.FollowAsync(await client.PostFormAsync($"/patients/{id}/liver", "liver-panel", HysLawPanelFields(DateTimeOffset.UtcNow.AddHours(-3))));
        var altId = await server.QueryAsync(db => db.LabResults.Where(r => r.PatientId == id && r.Test == "Alt").Select(r => r.Id).SingleAsync());
        var form = await client.GetStringAsync($"/patients/{id}/liver");
        Assert.Contains("Marking this entered in error removes it from the chart and from every rule; it cannot be undone", WebUtility.HtmlDecode(form), StringComparison.Ordinal);

        var unconfirmed = await client.PostFormAsync($"/patients/{id}/liver", $"eie-{altId}", [new("reason", "Wrong patient's sample (made up)")], form);

        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        var html = WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync());
        Assert.Contains($"id=\"eie-{altId}-confirm-problem\" role=\"alert\"><strong>Problem:</strong> Tick the box to confirm", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"id=\"eie-{altId}-problem\"", html, StringComparison.Ordinal); // the reason was fine
        Assert.Contains("value=\"Wrong patient's sample (made up)\"", html, StringComparison.Ordinal);
        Assert.False(await server.QueryAsync(db => db.LabResults.Where(r => r.Id == altId).Select(r => r.EnteredInError).SingleAsync()));
        Assert.Contains("liver.potential-hys-law", html, StringComparison.Ordinal); // the alert stands

        var page = await client.FollowAsync(await client.PostFormAsync($"/patients/{id}/liver", $"eie-{altId}",
            [new("reason", "Wrong patient's sample (made up)"), new("confirm", "true")]));

        Assert.Contains("Result marked entered in error", page, StringComparison.Ordinal);
        Assert.Contains("ENTERED IN ERROR: Wrong patient's sample (made up)", page, StringComparison.Ordinal);
        Assert.True(await server.QueryAsync(db => db.LabResults.Where(r => r.Id == altId).Select(r => r.EnteredInError).SingleAsync()));
    }
}
