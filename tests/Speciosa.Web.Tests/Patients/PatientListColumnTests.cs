using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Clinical.Liver;
using Speciosa.Testing;
using Speciosa.Web.Alerts;
using Speciosa.Web.Clinics;
using Speciosa.Web.Withdrawal;
using Xunit;
using static Speciosa.Testing.RegimenTestData;

namespace Speciosa.Web.Tests.Patients;

/// <summary>Issue 15 item 4: the patient list's columns owned by other features — episode day and last score (Withdrawal), next due
/// (Rounds) — sort both ways in the database with paging, patients without a value last.</summary>
public sealed class PatientListColumnTests(DemoServers servers) : IClassFixture<DemoServers>
{
    /// <summary>Every patient whose name contains <paramref name="name"/>, in the list's order, read two to a page.</summary>
    private static async Task<List<Guid>> SortedAsync(HttpClient client, string name, string sort)
    {
        var ids = new List<Guid>();
        for (var page = 1; ; page++)
        {
            var body = await client.GetFromJsonAsync<JsonElement>($"/api/patients?name={name}&sort={sort}&pageSize=2&page={page}");
            var items = body.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();
            ids.AddRange(items);
            if (items.Count < 2 || ids.Count == body.GetProperty("total").GetInt32())
            {
                Assert.Equal(body.GetProperty("total").GetInt32(), ids.Count);
                return ids;
            }
        }
    }

    private static async Task<string?> CellAsync(HttpClient client, string name, Guid id, string key)
    {
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/patients?name={name}&pageSize=100");
        var row = body.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == id);
        var cell = row.GetProperty("columns").GetProperty(key);
        return cell.ValueKind == JsonValueKind.Null ? null : cell.GetString();
    }

    private static async Task<ClinicZone> ZoneAsync(SpeciosaServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Speciosa.Web.Data.SpeciosaDbContext>();
        var clinicId = await db.Clinics.Where(c => c.IsDemo).Select(c => c.Id).FirstAsync();
        return await scope.ServiceProvider.GetRequiredService<ClinicCalendar>().ZoneAsync(clinicId);
    }

    private static async Task<List<Guid>> EnrolAsync(HttpClient client, string name, int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await PatientTestData.EnrolAsync(client, $"{name}{(char)('a' + i)}"));
        }

        return ids;
    }

    /// <summary>An assessment row as stored (the total given, not scored from answers: the list reads totals only).</summary>
    private static Assessment Score(Guid patientId, string instrument, int total, DateTimeOffset at, Guid by, bool patientReported = false) => new()
    {
        Id = Guid.NewGuid(), PatientId = patientId, InstrumentId = instrument, InstrumentVersion = 1, AnswersJson = "{}", Total = total,
        AssessedAt = at, RecordedAt = at, RatedByUserId = by, PatientReported = patientReported,
    };

    private static string Tag(string what) => what + Guid.NewGuid().ToString("N")[..6];

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_list_sorts_by_episode_day_lowest_or_highest_first_with_patients_without_an_episode_last(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var name = Tag("episodesort");
        var ids = await EnrolAsync(client, name, 4);
        var (dayOne, daySix, dayThree, none) = (ids[0], ids[1], ids[2], ids[3]);
        var zone = await ZoneAsync(server);
        var today = zone.Today(DateTimeOffset.UtcNow);
        var clinician = await server.QueryAsync(db => db.Users.Where(u => u.UserName == "demo.clinician").Select(u => u.Id).FirstAsync());
        await server.QueryAsync(async db =>
        {
            foreach (var (patient, daysAgo) in new[] { (dayOne, 0), (daySix, 5), (dayThree, 2) })
            {
                // The episode starts at the last use: a minute into its clinic day.
                var startedAt = zone.Of(today.AddDays(-daysAgo)).Item1.AddMinutes(1);
                var use = new OpioidUse
                {
                    Id = Guid.NewGuid(), PatientId = patient, SubstanceId = "oxycodone", AmountPerDay = 40m, Unit = "mg/day", Release = "immediate",
                    Route = "oral", LastUseAt = startedAt, RecordedAt = startedAt, RecordedByUserId = clinician,
                };
                db.AddRange(use, new WithdrawalEpisode
                {
                    Id = Guid.NewGuid(), PatientId = patient, OpioidUseId = use.Id, StartedAt = startedAt, CourseVersion = 1, CreatedAt = startedAt,
                    CreatedByUserId = clinician,
                });
            }

            return await db.SaveChangesAsync();
        });

        Assert.Equal([dayOne, dayThree, daySix, none], await SortedAsync(client, name, "episodeDay"));
        Assert.Equal([daySix, dayThree, dayOne, none], await SortedAsync(client, name, "-episodeDay"));
        Assert.Equal("Day 1", await CellAsync(client, name, dayOne, "episodeDay"));
        Assert.Equal("Day 6", await CellAsync(client, name, daySix, "episodeDay"));
        Assert.Null(await CellAsync(client, name, none, "episodeDay"));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_list_sorts_by_the_newest_cows_or_sows_total_and_shows_its_instrument_and_clinic_time(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var name = Tag("scoresort");
        var ids = await EnrolAsync(client, name, 4);
        var (five, eightAfterThirty, sowsTwenty, none) = (ids[0], ids[1], ids[2], ids[3]);
        var clinician = await server.QueryAsync(db => db.Users.Where(u => u.UserName == "demo.clinician").Select(u => u.Id).FirstAsync());
        var now = DateTimeOffset.UtcNow;
        await server.QueryAsync(async db =>
        {
            foreach (var (patient, instrument, total, hoursAgo, own) in new[]
            {
                (five, "cows", 5, 3, false), (eightAfterThirty, "cows", 30, 5, false), (eightAfterThirty, "cows", 8, 1, false),
                (sowsTwenty, "sows-handelsman", 20, 2, true), (none, "craving-vas", 90, 1, true),
            })
            {
                db.Add(Score(patient, instrument, total, now.AddHours(-hoursAgo), clinician, own));
            }

            return await db.SaveChangesAsync();
        });

        Assert.Equal([five, eightAfterThirty, sowsTwenty, none], await SortedAsync(client, name, "lastScore"));
        Assert.Equal([sowsTwenty, eightAfterThirty, five, none], await SortedAsync(client, name, "-lastScore"));
        var zone = await ZoneAsync(server);
        Assert.Equal($"COWS 8, {zone.Labelled(now.AddHours(-1))}", await CellAsync(client, name, eightAfterThirty, "lastScore"));
        Assert.StartsWith("SOWS 20, the patient's own, ", await CellAsync(client, name, sowsTwenty, "lastScore"), StringComparison.Ordinal);
        Assert.Null(await CellAsync(client, name, none, "lastScore"));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_list_sorts_by_the_next_item_due_an_overdue_test_before_todays_cows_before_todays_dose_and_nothing_due_last(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var name = Tag("duesort");
        var ids = await EnrolAsync(client, name, 4);
        var (cowsAndDose, overdueTest, nothing, doseOnly) = (ids[0], ids[1], ids[2], ids[3]);
        var (productId, lotId) = await LeafLotAsync(client);
        foreach (var patient in new[] { cowsAndDose, doseOnly })
        {
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/patients/{patient}/regimens", Order(productId, lotId))).StatusCode);
        }

        var clinician = await server.QueryAsync(db => db.Users.Where(u => u.UserName == "demo.clinician").Select(u => u.Id).FirstAsync());
        var now = DateTimeOffset.UtcNow;
        var raised = now.AddDays(-3);
        await server.QueryAsync(async db =>
        {
            var clinicId = await db.Patients.Where(p => p.Id == overdueTest).Select(p => p.ClinicId).FirstAsync();
            db.Add(Score(doseOnly, "cows", 4, now.AddMinutes(-1), clinician));
            db.Alerts.Add(new RaisedAlert
            {
                Id = Guid.NewGuid(), ClinicId = clinicId, PatientId = overdueTest, RuleId = LiverMonitoring.PanelOverdue.Id, RuleVersion = 1,
                Severity = "Warning", SeverityRank = 1, ConditionKey = $"patient/{overdueTest}/test-liver", Message = "Liver panel overdue", InputsJson = "[]",
                Threshold = "test", SourceCitation = "test", Status = AlertStatus.Open, RaisedAt = raised, ConcurrencyStamp = Guid.NewGuid(),
            });
            return await db.SaveChangesAsync();
        });

        Assert.Equal([overdueTest, cowsAndDose, doseOnly, nothing], await SortedAsync(client, name, "nextDue"));
        Assert.Equal([doseOnly, cowsAndDose, overdueTest, nothing], await SortedAsync(client, name, "-nextDue"));
        // A new regimen also raises "baseline liver panel missing" (a test due from now): after today's round.
        Assert.Equal("COWS or SOWS due today; 2 more due", await CellAsync(client, name, cowsAndDose, "nextDue"));
        Assert.Equal("Dose due today; 1 more due", await CellAsync(client, name, doseOnly, "nextDue"));
        var zone = await ZoneAsync(server);
        Assert.Equal($"{LiverMonitoring.PanelOverdue.Title} (since {zone.Labelled(raised)})", await CellAsync(client, name, overdueTest, "nextDue"));
        Assert.Null(await CellAsync(client, name, nothing, "nextDue"));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_bad_sort_key_is_a_problem_naming_the_field_and_every_key_allowed_and_the_page_marks_the_sorted_column(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");

        var problem = await (await client.GetAsync("/api/patients?sort=episode")).AssertProblemAsync(HttpStatusCode.BadRequest);
        var words = problem.GetProperty("errors").GetProperty("sort")[0].GetString();
        Assert.Contains("name, dateOfBirth, openAlerts, enrolled, episodeDay, lastScore, nextDue", words, StringComparison.Ordinal);
        await (await client.GetAsync("/api/patients?sort=--lastScore")).AssertProblemAsync(HttpStatusCode.BadRequest);

        var page = await client.PostFormAsync("/patients", "patient-search", [new("sortBy", "-lastScore")]);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Matches("""<th scope="col" aria-sort="descending"><button[^>]*value="lastScore"[^>]*>Last score</button>""", html);
        Assert.Matches("""<th scope="col" aria-sort="none"><button[^>]*value="episodeDay"[^>]*>Episode day</button>""", html);
        Assert.Contains(", highest last score first", html, StringComparison.Ordinal);
        Assert.Contains("data-column=\"nextDue\"", html, StringComparison.Ordinal);
    }
}
