using System.Net;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Rounds;

/// <summary>Issue 15 item 2: the round's lists, for care staff who give doses only.</summary>
public sealed class RoundPageTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_nurse_chooses_between_todays_patients_and_her_care_team_and_a_patient_may_not_open_the_round(Database database)
    {
        var server = await servers.On(database);
        var nurse = await server.SignedInClientAsync("demo.nurse");

        var lists = WebUtility.HtmlDecode(await nurse.GetStringAsync("/round"));
        Assert.Contains("Today's patients (a regimen covers today)</a> — 4 patients", lists, StringComparison.Ordinal);
        Assert.Contains("Patients on my care team</a> — 4 patients", lists, StringComparison.Ordinal);

        var first = WebUtility.HtmlDecode(await nurse.GetStringAsync("/round?list=today"));
        Assert.Contains("Patient 1 of 4", first, StringComparison.Ordinal);
        Assert.Contains("Examplesworth", first, StringComparison.Ordinal);
        Assert.Contains("Grams given", first, StringComparison.Ordinal);

        var quality = await server.SignedInClientAsync("demo.quality");
        var refused = await quality.GetAsync("/round");
        Assert.DoesNotContain("Start a round", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
