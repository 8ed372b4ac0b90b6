using System.Net;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Safety;

/// <summary>The adverse event page form posted as a browser would.</summary>
public sealed class SafetyPageFormTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private static List<KeyValuePair<string, string>> EventFields(string grade, string outcome, params string[] criteria)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.TermId", Speciosa.Clinical.Safety.AdverseEventTermCatalogue.Default.Terms[0].Id), new("Input.OtherTerm", ""),
            new("Input.Onset", HtmlForm.DemoClinicLocal(DateTimeOffset.UtcNow.AddDays(-2))), new("Input.ResolvedAt", ""), new("Input.Grade", grade),
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
        var id = await PatientTestData.EnrolAsync(client, "Eventform");

        var page = await client.FollowAsync(await client.PostFormAsync($"/patients/{id}/adverse-events", "adverse-event",
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
        var id = await PatientTestData.EnrolAsync(client, "Eventbad");

        var response = await client.PostFormAsync($"/patients/{id}/adverse-events", "adverse-event", EventFields("", "", "hospitalisation"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"grade-problem\" role=\"alert\"><strong>Problem:</strong> The CTCAE grade must be 1 to 5.", page, StringComparison.Ordinal);
        Assert.Contains("id=\"outcome-problem\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"hospitalisation\" checked", page, StringComparison.Ordinal);
        Assert.Equal(0, await server.QueryAsync(db => db.AdverseEvents.CountAsync(e => e.PatientId == id)));
    }
}
