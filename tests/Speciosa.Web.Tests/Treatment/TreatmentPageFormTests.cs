using System.Net;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Speciosa.Web.Treatment;
using Xunit;

namespace Speciosa.Web.Tests.Treatment;

/// <summary>The treatment page's three forms posted as a browser would: post, redirect, the record shown; problems beside the field.</summary>
public sealed class TreatmentPageFormTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_treatment_page_records_naloxone_a_discussion_and_a_contact_and_shows_each(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Treatform");
        var path = $"/patients/{id}/treatment";

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(path));
        Assert.Contains("Kratom is not approved for any medical use", page, StringComparison.Ordinal);
        Assert.Contains("software default, not a clinic decision; UNCONFIRMED", page, StringComparison.Ordinal);
        Assert.Contains("No taper has reached zero yet", page, StringComparison.Ordinal);

        page = WebUtility.HtmlDecode(await client.FollowAsync(await client.PostFormAsync(path, "prevention",
            [new("Prevention.Kind", "naloxone-supplied"), new("Prevention.On", Today), new("Prevention.Note", "Nasal spray")])));
        Assert.Contains("Overdose prevention recorded.", page, StringComparison.Ordinal);
        Assert.Contains($"Naloxone supplied: {Today}", page, StringComparison.Ordinal);

        page = WebUtility.HtmlDecode(await client.FollowAsync(await client.PostFormAsync(path, "discussion",
        [
            new("Discussion.Occasion", "enrolment"), new("Discussion.DiscussedOn", Today), new("Discussion.OptionsDiscussed", "buprenorphine"),
            new("Discussion.OptionsDiscussed", "methadone"), new("Discussion.OptionsDiscussed", "naltrexone-xr"), new("Discussion.Decision", "declined"),
            new("Discussion.ChosenOption", ""), new("Discussion.Reason", "Wants to try the taper first"), new("Discussion.ReferredTo", ""), new("Discussion.ReferredOn", ""),
        ])));
        Assert.Contains("Discussion recorded.", page, StringComparison.Ordinal);
        Assert.Contains("Wants to try the taper first", page, StringComparison.Ordinal);
        Assert.Contains("Buprenorphine, Methadone, Extended-release naltrexone", page, StringComparison.Ordinal);

        page = WebUtility.HtmlDecode(await client.FollowAsync(await client.PostFormAsync(path, "contact",
            [new("Contact.On", Today), new("Contact.Made", "true"), new("Contact.Mode", "phone"), new("Contact.Note", "")])));
        Assert.Contains("Follow-up contact recorded.", page, StringComparison.Ordinal);
        Assert.Contains($"{Today}: contact made (phone)", page, StringComparison.Ordinal);

        var overview = WebUtility.HtmlDecode(await client.GetStringAsync($"/patients/{id}"));
        Assert.Contains("id=\"treatment-section\"", overview, StringComparison.Ordinal);
        Assert.Contains($"discussed {Today}, declined", overview, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_declined_discussion_without_a_reason_stores_nothing_and_says_so_beside_the_field_keeping_the_input(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Treatbad");

        var response = await client.PostFormAsync($"/patients/{id}/treatment", "discussion",
        [
            new("Discussion.Occasion", "review"), new("Discussion.DiscussedOn", Today), new("Discussion.OptionsDiscussed", "methadone"),
            new("Discussion.Decision", "declined"), new("Discussion.ChosenOption", ""), new("Discussion.Reason", ""), new("Discussion.ReferredTo", "Dr Example"),
            new("Discussion.ReferredOn", ""),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"reason-problem\" role=\"alert\"><strong>Problem:</strong> The patient's reason", page, StringComparison.Ordinal);
        Assert.Contains("id=\"referredOn-problem\" role=\"alert\"><strong>Problem:</strong> The day of the referral", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Dr Example\"", page, StringComparison.Ordinal);
        Assert.Equal(0, await server.QueryAsync(db => db.TreatmentDiscussions.CountAsync(d => d.PatientId == id)));

        response = await client.PostFormAsync($"/patients/{id}/treatment", "prevention", [new("Prevention.On", Today)]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"kind-problem\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await server.QueryAsync(db => db.OverdosePreventionRecords.CountAsync(d => d.PatientId == id)));
    }
}
