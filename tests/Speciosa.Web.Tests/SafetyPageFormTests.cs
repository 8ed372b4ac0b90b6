using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Testing;
using Speciosa.Web.Data;
using Xunit;

namespace Speciosa.Web.Tests;

/// <summary>The safety page forms (liver panel, RUCAM, adverse events, medicines) posted as a browser would.</summary>
public sealed class SafetyPageFormTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(path);
        var form = new List<KeyValuePair<string, string>>
        {
            new("_handler", handler), new("__RequestVerificationToken", HtmlForm.AntiforgeryToken(page)),
        };
        form.AddRange(fields);
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    private static async Task<string> FollowAsync(HttpClient client, HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"Expected a redirect after saving, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location));
    }


    private static string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, NewYork).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

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
        ["Input.CollectedAt"] = Local(at),
        ["Input.Rows[0].Value"] = "250", ["Input.Rows[0].Unit"] = "U/L", ["Input.Rows[0].Uln"] = "40",
        ["Input.Rows[2].Value"] = "100", ["Input.Rows[2].Unit"] = "U/L", ["Input.Rows[2].Uln"] = "120",
        ["Input.Rows[3].Value"] = "3.1", ["Input.Rows[3].Unit"] = "mg/dL", ["Input.Rows[3].ReferenceLow"] = "0.1", ["Input.Rows[3].Uln"] = "1.2",
    };

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_liver_panel_form_saves_the_results_and_the_page_shows_times_uln_grade_quadrant_and_alert(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await LiverAlertTests.EnrolAsync(client, "Liverform");

        var page = await FollowAsync(client, await PostFormAsync(client, $"/patients/{id}/liver", "liver-panel",
            HysLawPanelFields(DateTimeOffset.UtcNow.AddHours(-3))));

        Assert.Contains("Saved 3 results", page, StringComparison.Ordinal);
        Assert.Contains("6.25×", page, StringComparison.Ordinal); // ALT 250 / 40
        Assert.Contains("grade 3 (>5.0-20.0×ULN)", page, StringComparison.Ordinal);
        Assert.Contains("0.1–1.2 mg/dL", page, StringComparison.Ordinal);
        Assert.Contains("Quadrant: upper right: potential Hy's law", page, StringComparison.Ordinal);
        Assert.Contains("liver.potential-hys-law", page, StringComparison.Ordinal);
        Assert.Contains("id=\"liver-chart-data\"", page, StringComparison.Ordinal);
        Assert.Equal(3, await server.QueryAsync(db => db.LabResults.CountAsync(r => r.PatientId == id && r.EnteredVia == "page")));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_invalid_liver_panel_stores_nothing_and_says_what_is_wrong_beside_the_field(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await LiverAlertTests.EnrolAsync(client, "Liverbad");
        var fields = HysLawPanelFields(DateTimeOffset.UtcNow.AddHours(-3));
        fields["Input.Rows[0].Value"] = "lots";
        fields["Input.Rows[3].Uln"] = "";

        var response = await PostFormAsync(client, $"/patients/{id}/liver", "liver-panel", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Nothing was saved", page, StringComparison.Ordinal);
        Assert.Contains("id=\"alt.value-problem\" role=\"alert\"><strong>Problem:</strong> A number, e.g. 42 or 1.8.", page, StringComparison.Ordinal);
        Assert.Contains("id=\"total-bilirubin.uln-problem\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"lots\"", page, StringComparison.Ordinal); // what was typed stays to correct
        Assert.Equal(0, await server.QueryAsync(db => db.LabResults.CountAsync(r => r.PatientId == id)));
    }

    private async Task<Guid> PatientWithHysLawPanelAsync(HttpClient client, string family)
    {
        var id = await LiverAlertTests.EnrolAsync(client, family);
        var response = await client.PostAsync($"/api/patients/{id}/labs", System.Net.Http.Json.JsonContent.Create(LiverAlertTests.HysLawPanel(DateTimeOffset.UtcNow.AddHours(-3))));
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
        Assert.Contains("UNCONFIRMED", before, StringComparison.Ordinal);
        Assert.Contains("Total 0: ", before, StringComparison.Ordinal);

        var response = await PostFormAsync(client, path, "rucam", new Dictionary<string, string>
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

        var response = await PostFormAsync(client, $"/patients/{id}/liver/rucam", "rucam", new Dictionary<string, string> { ["answer.onset"] = "whenever" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"onset-problem\" role=\"alert\"><strong>Problem:</strong> Choose one of the answers listed for item 1.", page, StringComparison.Ordinal);
        Assert.Contains("Total 0: ", page, StringComparison.Ordinal);
    }

    private static List<KeyValuePair<string, string>> EventFields(string grade, string outcome, params string[] criteria)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.TermId", Speciosa.Clinical.Safety.AdverseEventTermCatalogue.Default.Terms[0].Id), new("Input.OtherTerm", ""),
            new("Input.Onset", Local(DateTimeOffset.UtcNow.AddDays(-2))), new("Input.ResolvedAt", ""), new("Input.Grade", grade),
            new("Input.Outcome", outcome), new("Input.Relatedness", "possible"), new("Input.ActionTaken", "dose-reduced"),
            new("Input.Description", "Made-up test event."),
        };
        fields.AddRange(criteria.Select(c => new KeyValuePair<string, string>("Input.SeriousnessCriteria", c)));
        return fields;
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_adverse_event_form_records_a_serious_event_marked_in_words_with_its_medwatch_draft(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await LiverAlertTests.EnrolAsync(client, "Eventform");

        var page = await FollowAsync(client, await PostFormAsync(client, $"/patients/{id}/adverse-events", "adverse-event",
            EventFields("3", "recovering", "hospitalisation")));

        Assert.Contains("It is SERIOUS: an alert was raised", page, StringComparison.Ordinal);
        Assert.Contains("SERIOUS: hospitalisation", page, StringComparison.Ordinal);
        Assert.Contains("3 (severe)", page, StringComparison.Ordinal);
        Assert.Contains("dose reduced", page, StringComparison.Ordinal);
        var link = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/api/patients/[^\"]+/medwatch)\"").Groups[1].Value;
        var draft = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        Assert.Contains("MedWatch 3500", await draft.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_adverse_event_without_grade_or_outcome_stores_nothing_and_says_so_beside_the_fields(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await LiverAlertTests.EnrolAsync(client, "Eventbad");

        var response = await PostFormAsync(client, $"/patients/{id}/adverse-events", "adverse-event", EventFields("", "", "hospitalisation"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"grade-problem\" role=\"alert\"><strong>Problem:</strong> The CTCAE grade must be 1 to 5.", page, StringComparison.Ordinal);
        Assert.Contains("id=\"outcome-problem\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"hospitalisation\" checked", page, StringComparison.Ordinal);
        Assert.Equal(0, await server.QueryAsync(db => db.AdverseEvents.CountAsync(e => e.PatientId == id)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_medicines_form_adds_medicines_and_tells_found_interactions_no_known_interaction_and_no_data_apart_in_words(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await LiverAlertTests.EnrolAsync(client, "Medform");
        var rules = Speciosa.Clinical.Medicines.InteractionRuleBase.Default;
        var rule = rules.MedicineRules.First(r => r.Classes.Count > 0);
        var uncovered = Speciosa.Clinical.Medicines.DrugClassCatalogue.Default.Classes
            .FirstOrDefault(c => !rules.Rules.Any(r => r.CoversClass(c.Id)));
        var path = $"/patients/{id}/medicines";

        var page = await FollowAsync(client, await PostFormAsync(client, path, "medicine",
            [new("Input.Name", "Madeupzolam"), new("Input.RxNorm", ""), new("Input.Classes", rule.Classes[0])]));
        Assert.Contains("Medicine added and screened", page, StringComparison.Ordinal);
        Assert.Contains("Interactions found:", page, StringComparison.Ordinal);
        Assert.Contains(rule.Id, page, StringComparison.Ordinal);
        Assert.Contains("Evidence:", page, StringComparison.Ordinal);
        Assert.Contains("Sources:", page, StringComparison.Ordinal);

        page = await FollowAsync(client, await PostFormAsync(client, path, "medicine", [new("Input.Name", "Made-up tonic"), new("Input.RxNorm", "")]));
        Assert.Contains("No data: the medicine is not in the class catalogue", page, StringComparison.Ordinal);

        if (uncovered is not null)
        {
            page = await FollowAsync(client, await PostFormAsync(client, path, "medicine",
                [new("Input.Name", "Madeupstatin"), new("Input.RxNorm", "123"), new("Input.Classes", uncovered.Id)]));
            Assert.Contains("No known interaction in this rule base", page, StringComparison.Ordinal);
        }

        Assert.Equal(uncovered is null ? 2 : 3, await server.QueryAsync(db => db.PatientMedicines.CountAsync(m => m.PatientId == id)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_medicine_without_a_name_or_with_a_bad_rxnorm_stores_nothing_and_says_so_beside_the_fields(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await LiverAlertTests.EnrolAsync(client, "Medbad");

        var response = await PostFormAsync(client, $"/patients/{id}/medicines", "medicine", [new("Input.Name", " "), new("Input.RxNorm", "RX-1")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"name-problem\" role=\"alert\"><strong>Problem:</strong> The medicine or substance name", page, StringComparison.Ordinal);
        Assert.Contains("id=\"rxNorm-problem\" role=\"alert\"><strong>Problem:</strong> An RxNorm concept id (digits only)", page, StringComparison.Ordinal);
        Assert.Equal(0, await server.QueryAsync(db => db.PatientMedicines.CountAsync(m => m.PatientId == id)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Marking_a_liver_result_entered_in_error_needs_a_reason_keeps_it_struck_through_and_clears_the_hys_law_alert(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await LiverAlertTests.EnrolAsync(client, "Liverfix");
        await FollowAsync(client, await PostFormAsync(client, $"/patients/{id}/liver", "liver-panel", HysLawPanelFields(DateTimeOffset.UtcNow.AddHours(-3))));
        Guid bilirubinId;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SpeciosaDbContext>();
            bilirubinId = await db.LabResults.Where(r => r.PatientId == id && r.Test == "TotalBilirubin").Select(r => r.Id).SingleAsync();
        }

        var refused = await PostFormAsync(client, $"/patients/{id}/liver", $"eie-{bilirubinId}", [new("reason", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains($"id=\"eie-{bilirubinId}-problem\" role=\"alert\"><strong>Problem:</strong> A reason of 1 to 500 characters.",
            WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var page = await FollowAsync(client, await PostFormAsync(client, $"/patients/{id}/liver", $"eie-{bilirubinId}", [new("reason", "Haemolysed sample (made up)")]));
        Assert.Contains("ENTERED IN ERROR: Haemolysed sample (made up)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("liver.potential-hys-law", page, StringComparison.Ordinal);
        Assert.Contains("No eDISH point", page, StringComparison.Ordinal);
    }
}
