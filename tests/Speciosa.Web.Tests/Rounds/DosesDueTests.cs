using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Testing;
using Speciosa.Web.Clinics;
using Xunit;
using static Speciosa.Testing.RegimenTestData;

namespace Speciosa.Web.Tests.Rounds;

/// <summary>Issue 15 "doses due" (rule HOME-DOSE-DUE): a planned break day or a taper at 0 g a day has no dose due, and a dose
/// held, refused or missed today is a dose dealt with; the home's count equals its list's rows.</summary>
public sealed partial class DosesDueTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Patients_on_a_break_day_or_at_the_end_of_their_taper_are_not_listed_as_doses_due_and_the_home_count_still_matches(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var today = await ClinicTodayAsync(server);
        var (productId, lotId) = await LeafLotAsync(clinician);
        var tag = Guid.NewGuid().ToString("N")[..6];

        async Task<string> OnOrderAsync(string name, object? breaks = null, object? taper = null)
        {
            var family = $"{name}-{tag}";
            var patientId = await PatientTestData.EnrolAsync(clinician, family);
            await RegimenAsync(clinician, patientId, productId, lotId, today.AddDays(-5), breaks, taper);
            if (name == "Held")
            {
                var held = await nurse.PostAsJsonAsync($"/api/patients/{patientId}/doses", new { status = "held", reason = "Sedated at 09:10; clinician told." });
                Assert.Equal(HttpStatusCode.Created, held.StatusCode);
            }

            return family;
        }

        var breakStarts = await OnOrderAsync("BreakStarts", breaks: new[] { new { firstDay = D(today), lastDay = D(today.AddDays(2)), reason = "Family visit" } });
        var breakEnds = await OnOrderAsync("BreakEnds", breaks: new[] { new { firstDay = D(today.AddDays(-2)), lastDay = D(today), reason = "Family visit" } });
        var afterBreak = await OnOrderAsync("AfterBreak", breaks: new[] { new { firstDay = D(today.AddDays(-3)), lastDay = D(today.AddDays(-1)), reason = "Family visit" } });
        var taperZero = await OnOrderAsync("TaperZero", taper: Taper(today.AddDays(-5), today));
        var taperZeroAgo = await OnOrderAsync("TaperZeroAgo", taper: Taper(today.AddDays(-5), today.AddDays(-1)));
        var taperTomorrow = await OnOrderAsync("TaperTomorrow", taper: Taper(today.AddDays(-5), today.AddDays(1)));
        var heldToday = await OnOrderAsync("Held");

        var list = WebUtility.HtmlDecode(await nurse.GetStringAsync("/round/due/doses"));
        foreach (var due in new[] { afterBreak, taperTomorrow })
        {
            Assert.Contains(due + ", Test", list, StringComparison.Ordinal);
        }

        foreach (var notDue in new[] { breakStarts, breakEnds, taperZero, taperZeroAgo, heldToday })
        {
            Assert.DoesNotContain(notDue + ", Test", list, StringComparison.Ordinal);
        }

        // Still due an assessment: a break or the end of a taper is when withdrawal is watched.
        var assessments = WebUtility.HtmlDecode(await nurse.GetStringAsync("/round/due/assessments"));
        Assert.Contains(breakStarts + ", Test", assessments, StringComparison.Ordinal);
        Assert.Contains(taperZero + ", Test", assessments, StringComparison.Ordinal);

        var home = WebUtility.HtmlDecode(await nurse.GetStringAsync("/"));
        var count = int.Parse(DosesCount().Match(home).Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(count, RowMarker().Matches(list).Count);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_round_says_why_no_dose_is_due_on_a_break_day(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var today = await ClinicTodayAsync(server);
        var (productId, lotId) = await LeafLotAsync(clinician);
        var patientId = await PatientTestData.EnrolAsync(clinician, "RoundBreak-" + Guid.NewGuid().ToString("N")[..6]);
        await RegimenAsync(clinician, patientId, productId, lotId, today.AddDays(-5),
            breaks: new[] { new { firstDay = D(today), lastDay = D(today.AddDays(1)), reason = "Family visit" } });

        var page = WebUtility.HtmlDecode(await nurse.GetStringAsync($"/round?list=today&patient={patientId}"));
        Assert.Contains($"No dose is due: planned break {D(today)} to {D(today.AddDays(1))} (Family visit).", page, StringComparison.Ordinal);
    }

    /// <summary>2 g an administration, 3 a day, 6 g a day from <paramref name="start"/>, with these breaks and taper.</summary>
    private static async Task RegimenAsync(HttpClient clinician, Guid patientId, Guid productId, Guid lotId, DateOnly start, object? breaks = null,
        object? taper = null)
    {
        var response = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/regimens", new
        {
            productId, lotId, gramsPerAdministration = 2m, maxAdministrationsPerDay = 3, maxGramsPerDay = 6m, startDate = D(start),
            breaks, taper, reason = "Test order", confirmLegalWarning = true,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static object Taper(DateOnly from, DateOnly zeroOn) => new
    {
        entries = new[] { new { startsOn = D(from), gramsPerDay = 4m }, new { startsOn = D(zeroOn), gramsPerDay = 0m } },
    };

    private static async Task<DateOnly> ClinicTodayAsync(SpeciosaServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Speciosa.Web.Data.SpeciosaDbContext>();
        var clinicId = await db.Clinics.Where(c => c.IsDemo).Select(c => c.Id).FirstAsync();
        return await scope.ServiceProvider.GetRequiredService<ClinicCalendar>().TodayAsync(clinicId);
    }

    [GeneratedRegex("""<a href="/round/due/doses" data-count="(?<count>\d+)" """)]
    private static partial Regex DosesCount();

    [GeneratedRegex("<tr data-row")]
    private static partial Regex RowMarker();
}
