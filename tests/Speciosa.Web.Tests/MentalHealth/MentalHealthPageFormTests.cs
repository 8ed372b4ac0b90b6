using System.Net;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Speciosa.Web.MentalHealth;
using Xunit;

namespace Speciosa.Web.Tests.MentalHealth;

/// <summary>The questionnaire, safety-assessment and DSM-5 pages posted as a browser would.</summary>
public sealed class MentalHealthPageFormTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private static async Task<HttpResponseMessage> PostPhq9Async(HttpClient client, Guid patientId, int? item9)
    {
        var path = $"/patients/{patientId}/mental-health/phq-9";
        var page = await client.GetStringAsync(path);
        var fields = HtmlForm.FieldsOf(page, "screening");
        for (var n = 1; n <= 8; n++)
        {
            fields[$"item{n}"] = "1";
        }

        if (item9 is { } v)
        {
            fields["item9"] = v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await client.PostFormAsync(path, "screening", fields, page);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_clinicians_phq9_with_item_9_above_0_leads_to_the_safety_assessment_which_records_outcome_and_plan(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Phqpage");

        var page = await client.FollowAsync(await PostPhq9Async(client, id, item9: 1));

        Assert.Contains("Saved: Patient Health Questionnaire-9 (PHQ-9), total 9 of 27 (mild)", page, StringComparison.Ordinal);
        Assert.Contains("a Critical alert was raised", page, StringComparison.Ordinal);
        Assert.Contains("id=\"unassessed\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"trend-phq-9\"", page, StringComparison.Ordinal);
        var screeningId = await server.QueryAsync(db => db.Screenings.Where(s => s.PatientId == id).Select(s => s.Id).SingleAsync());

        var formPath = $"/patients/{id}/mental-health/safety-assessment?screening={screeningId}";
        var form = await client.GetStringAsync(formPath);
        Assert.Contains("cssrs.columbia.edu", form, StringComparison.Ordinal);
        Assert.Contains("not reproduced", form, StringComparison.Ordinal);
        var fields = HtmlForm.FieldsOf(form, "safety-assessment");
        fields["plan"] = "Safety plan agreed; call tomorrow.";
        var refused = await client.PostFormAsync(formPath, "safety-assessment", fields, form);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusedPage = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("id=\"outcome-problem\" role=\"alert\"><strong>Problem:</strong> Choose the outcome.", refusedPage, StringComparison.Ordinal);
        Assert.Contains("Safety plan agreed; call tomorrow.", refusedPage, StringComparison.Ordinal);

        fields["outcome"] = "lower-risk";
        page = await client.FollowAsync(await client.PostFormAsync(formPath, "safety-assessment", fields, form));

        Assert.Contains("Safety assessment recorded.", page, StringComparison.Ordinal);
        Assert.Contains("Lower risk: safety plan and follow-up", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"unassessed\"", page, StringComparison.Ordinal);
        Assert.Equal(1, await server.QueryAsync(db => db.SafetyAssessments.CountAsync(a => a.PatientId == id)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_patient_who_answers_item_9_above_0_sees_the_crisis_line_in_plain_words_and_no_rule_or_threshold(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.patient");
        var id = await server.QueryAsync(db => db.Patients.Where(p => p.PortalUserId != null).Select(p => p.Id).FirstAsync());

        var missing = await PostPhq9Async(client, id, item9: null);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("id=\"answers.9-problem\" role=\"alert\"><strong>Problem:</strong> Choose an answer.",
            WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var page = await client.FollowAsync(await PostPhq9Async(client, id, item9: 2));

        Assert.Contains("id=\"crisis-prompt\"", page, StringComparison.Ordinal);
        Assert.Contains("call or text 988", page, StringComparison.Ordinal);
        foreach (var hidden in new[] { "mental-health.phq9-item9", "Critical", "item 9", "> 0", "Kroenke", "cut-off" })
        {
            Assert.DoesNotContain(hidden, page, StringComparison.Ordinal);
        }

        var saved = await server.QueryAsync(db => db.Screenings.Where(s => s.PatientId == id).OrderByDescending(s => s.RecordedAt).FirstAsync());
        Assert.True(saved.PatientReported);
        Assert.Equal(1, saved.InstrumentVersion);
        Assert.Contains("\"9\":2", saved.AnswersJson, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_dsm5_form_records_a_checklist_at_entry_with_its_severity(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Dsmpage");
        var path = $"/patients/{id}/diagnosis/new";
        var form = await client.GetStringAsync(path);
        Assert.Contains("Paraphrased in our own words", form, StringComparison.Ordinal);
        var fields = HtmlForm.FieldsOf(form, "use-disorder").ToList();
        fields.AddRange([new("substance", "kratom"), new("occasion", "entry"), new("supervised", "false"),
            new("criterion", "1"), new("criterion", "4"), new("criterion", "11")]);

        var page = await client.FollowAsync(await client.PostFormAsync(path, "use-disorder", fields, form));

        Assert.Contains("DSM-5 checklist recorded.", page, StringComparison.Ordinal);
        Assert.Contains("Other (or unknown) substance use disorder: kratom, mild: 3 of 11 criteria counted", page, StringComparison.Ordinal);
    }
}
