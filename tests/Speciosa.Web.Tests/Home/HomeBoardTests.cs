using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Speciosa.Web.Alerts;
using Speciosa.Web.Regimens;
using Xunit;

namespace Speciosa.Web.Tests.Home;

/// <summary>Issue 15 item 1: the role homes count the caller's own clinic only.</summary>
public sealed partial class HomeBoardTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Home_counts_are_the_clinics_own_and_each_list_shows_as_many_rows_as_its_count(Database database)
    {
        var server = await servers.On(database);
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var before = await CountsAsync(nurse);
        Assert.True(before.Count >= 10, "the nurse's board has its counts: " + string.Join(", ", before.Keys));

        // Another clinic gets a patient like a demo patient: on a regimen today, with portal access and no check-in, no dose or
        // assessment today, and a Critical alert open.
        var other = await OtherClinic.ClinicianAsync(server);
        await server.QueryAsync(async db =>
        {
            var clinician = await db.Users.AsNoTracking().Where(u => u.DisplayName == "Other Clinician").FirstAsync();
            var regimen = await db.Regimens.AsNoTracking().FirstAsync();
            var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == regimen.PatientId);
            patient.Id = Guid.NewGuid();
            patient.ClinicId = clinician.ClinicId;
            patient.PortalUserId = clinician.Id;
            patient.FamilyName = "Elsewhere";
            patient.SearchName = "elsewhere test";
            db.Patients.Add(patient);
            regimen.Id = Guid.NewGuid();
            regimen.ClinicId = clinician.ClinicId;
            regimen.PatientId = patient.Id;
            regimen.StartDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);
            regimen.EndDate = null;
            db.Regimens.Add(regimen);
            db.Alerts.Add(new RaisedAlert
            {
                Id = Guid.NewGuid(), ClinicId = clinician.ClinicId, PatientId = patient.Id, RuleId = "test.elsewhere", RuleVersion = 1,
                Severity = "Critical", SeverityRank = 3, ConditionKey = $"patient/{patient.Id}/test", Message = "Elsewhere", InputsJson = "[]",
                Threshold = "test", SourceCitation = "test", Status = AlertStatus.Open, RaisedAt = DateTimeOffset.UtcNow, ConcurrencyStamp = Guid.NewGuid(),
            });
            return await db.SaveChangesAsync();
        });

        // The demo clinic's nurse sees the same counts as before; the other clinic's clinician sees that one patient.
        Assert.Equal(before, await CountsAsync(nurse));
        var elsewhere = await CountsAsync(other);
        Assert.Equal(1, elsewhere["/round/due/doses"]);
        Assert.Equal(1, elsewhere["/round/due/assessments"]);
        Assert.Equal(1, elsewhere["/check-ins/missing"]);
        Assert.Equal(1, elsewhere["/alerts?severity=Critical&status=open"]);
        Assert.Equal(0, elsewhere["/review-queue"]);

        // Each plain list shows as many rows as its count, for both clinics.
        foreach (var (client, counts) in new[] { (nurse, before), (other, elsewhere) })
        {
            foreach (var path in new[] { "/round/due/doses", "/round/due/assessments", "/check-ins/missing" })
            {
                var html = await client.GetStringAsync(path);
                Assert.Equal(counts[path], RowMarker().Matches(html).Count);
            }
        }

        var list = WebUtility.HtmlDecode(await other.GetStringAsync("/round/due/doses"));
        Assert.Contains("Elsewhere, ", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Elsewhere, ", WebUtility.HtmlDecode(await nurse.GetStringAsync("/round/due/doses")), StringComparison.Ordinal);
    }

    /// <summary>The home page's counts, by the address each opens.</summary>
    private static async Task<Dictionary<string, int>> CountsAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/");
        return CountLink().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["href"].Value), m => int.Parse(m.Groups["count"].Value,
            System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("""<a href="(?<href>[^"]+)" data-count="(?<count>\d+)" """)]
    private static partial Regex CountLink();

    [GeneratedRegex("<tr data-row")]
    private static partial Regex RowMarker();
}
