using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Testing;
using Speciosa.Web.Alerts;
using Xunit;
using static Speciosa.Testing.RegimenTestData;

namespace Speciosa.Web.Tests.Regimens;

/// <summary>Issue 13 part 4 (clinical audit section 3 item 4): after a kratom taper reaches zero, a scheduled withdrawal check
/// that passes without a COWS or SOWS alerts in the sweep, and a COWS from the mild band inside the window raises "withdrawal
/// emerged" with the assessment, each once, persisted with rule, inputs, threshold and source.</summary>
public sealed class PostTaperMonitoringTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_missed_check_after_the_taper_reached_zero_alerts_and_a_mild_COWS_raises_withdrawal_emerged_once(Database database)
    {
        // Noon in New York (the demo clinic's zone) today, so the clinic days below are certain.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var clock = new ManualClock(new DateTimeOffset(today.ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero));
        await using var server = await servers.StartAsync(database, clock: clock,
            settings: new Dictionary<string, string> { ["Safety:SweepEnabled"] = "false" });
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var (productId, lotId) = await LeafLotAsync(clinician);
        var patientId = await EnrolLivingInAsync(clinician, "US-TN");
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd");
        var created = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/regimens", new
        {
            productId, lotId, gramsPerAdministration = 2m, maxAdministrationsPerDay = 3, maxGramsPerDay = 6m, startDate = Day(-20),
            reason = "Starting order",
            taper = new
            {
                entries = new[]
                {
                    new { startsOn = Day(-20), gramsPerDay = 4m, basis = "clinician" },
                    new { startsOn = Day(-10), gramsPerDay = 2m, basis = "clinician" },
                    new { startsOn = Day(-1), gramsPerDay = 0m, basis = "clinician" },
                },
            },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        // The last dose: 44 h before now, on the day before the zero day (16:00 in New York).
        var lastDose = clock.GetUtcNow().AddHours(-44);
        Assert.Equal(HttpStatusCode.Created, (await nurse.PostAsJsonAsync($"/api/patients/{patientId}/doses", new { givenAt = lastDose, grams = 1m, lotId })).StatusCode);

        async Task SweepAsync()
        {
            await using var scope = server.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SafetySweep>().RunAsync(CancellationToken.None);
        }

        await SweepAsync();
        await SweepAsync();

        // The first check (end of the expected onset, 24 h after the last dose) passed with no COWS or SOWS.
        var due = Assert.Single(await AlertTestData.AlertsAsync(clinician, patientId, "dosing.post-taper-check-due"));
        Assert.Equal("open", due.GetProperty("status").GetString());
        Assert.Equal("Warning", due.GetProperty("severity").GetString());
        Assert.EndsWith(":1", due.GetProperty("conditionKey").GetString(), StringComparison.Ordinal);
        Assert.Contains("UNCONFIRMED", due.GetProperty("threshold").GetString(), StringComparison.Ordinal);
        Assert.Contains("Stanciu", due.GetProperty("sourceCitation").GetString(), StringComparison.Ordinal);
        Assert.Contains(due.GetProperty("inputs").EnumerateArray(), i => i.GetProperty("name").GetString() == "Last use"
            && i.GetProperty("value").GetString()!.StartsWith("last logged dose", StringComparison.Ordinal));

        // A mild COWS an hour ago (43 h after the last dose): withdrawal emerged, raised with the assessment; the check is done late.
        var mildCows = new Dictionary<int, int> { [1] = 1, [2] = 1, [3] = 1, [4] = 1, [5] = 0, [6] = 1, [7] = 0, [8] = 1, [9] = 1, [10] = 0, [11] = 0 };
        var posted = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/assessments", WithdrawalTestData.Cows(mildCows, clock.GetUtcNow().AddHours(-1)));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var body = await posted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(body.GetProperty("raisedAlerts").EnumerateArray(), a => a.GetProperty("ruleId").GetString() == "dosing.post-taper-withdrawal");
        await SweepAsync();

        var emerged = Assert.Single(await AlertTestData.AlertsAsync(clinician, patientId, "dosing.post-taper-withdrawal"));
        Assert.Equal(1, emerged.GetProperty("ruleVersion").GetInt32());
        Assert.StartsWith("COWS total ≥ 5 (start of the mild band", emerged.GetProperty("threshold").GetString(), StringComparison.Ordinal);
        Assert.Contains("Wesson", emerged.GetProperty("sourceCitation").GetString(), StringComparison.Ordinal);
        var inputs = emerged.GetProperty("inputs").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!, i => i.GetProperty("value").GetString()!);
        Assert.StartsWith("COWS 7 at", inputs["Reading"], StringComparison.Ordinal);
        Assert.Equal("43", inputs["Hours after last use"]);
        Assert.Equal(Day(-1), inputs["Taper reached zero on"]);
        Assert.Contains("buprenorphine", emerged.GetProperty("message").GetString(), StringComparison.Ordinal);

        var cleared = Assert.Single(await AlertTestData.AlertsAsync(clinician, patientId, "dosing.post-taper-check-due"));
        Assert.Equal("resolved", cleared.GetProperty("status").GetString());

        // Staff see the window on the overview with its unconfirmed course and the off-label note.
        var overview = await clinician.GetStringAsync($"/patients/{patientId}");
        Assert.Contains("id=\"post-taper-checks\"", overview, StringComparison.Ordinal);
        Assert.Contains("expected course is UNCONFIRMED", overview, StringComparison.Ordinal);
        Assert.Contains("done late", overview, StringComparison.Ordinal);
        Assert.Contains("used off-label", overview, StringComparison.Ordinal);
    }
}
