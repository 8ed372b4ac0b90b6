using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Testing;
using Speciosa.Web.Alerts;
using Xunit;

namespace Speciosa.Web.Tests.Jurisdictions;

/// <summary>Issue 12 part 6: the law is re-decided when a patient moves, when an entry reaches its effective date, and on a
/// day the caller names.</summary>
public sealed class PatientLegalReviewTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Moving_a_patient_into_a_banned_state_refuses_the_next_staff_dose_of_their_named_lot_regimen_and_raises_an_alert(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (patientId, lotId) = await RegimenTestData.PatientOnAnOrderAsync(clinician); // Tennessee, the demo leaf lot named on the order
        Assert.Equal(HttpStatusCode.Created, (await clinician.PostAsJsonAsync($"/api/patients/{patientId}/doses", new { grams = 2m, lotId })).StatusCode);

        var moved = await clinician.PutWholeRecordAsync(patientId, r => r["subdivisionCode"] = "US-LA");
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        var refused = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/doses", new { grams = 2m, lotId });
        var problem = await refused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("legal-refusal", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Contains(problem.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("kind").GetString() == "Banned");
        Assert.Equal(1, await server.QueryAsync(db => db.Doses.CountAsync(d => d.PatientId == patientId)));

        var supply = Assert.Single(await AlertTestData.AlertsAsync(clinician, patientId, "jurisdiction.supply-not-allowed"));
        Assert.Equal("open", supply.GetProperty("status").GetString());
        Assert.Contains("US-LA", supply.GetProperty("message").GetString(), StringComparison.Ordinal);
        var banned = Assert.Single(await AlertTestData.AlertsAsync(clinician, patientId, "jurisdiction.now-banned"));
        Assert.Contains("from US-TN, US to US-LA, US", banned.GetProperty("message").GetString(), StringComparison.Ordinal);

        // Moving back clears the refusal alert and the next dose goes ahead.
        Assert.Equal(HttpStatusCode.OK, (await clinician.PutWholeRecordAsync(patientId, r => r["subdivisionCode"] = "US-TN")).StatusCode);
        Assert.Equal("resolved", Assert.Single(await AlertTestData.AlertsAsync(clinician, patientId, "jurisdiction.supply-not-allowed")).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Created, (await clinician.PostAsJsonAsync($"/api/patients/{patientId}/doses", new { grams = 2m, lotId })).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Evaluating_Florida_on_the_day_before_and_the_day_of_the_19_August_2025_rule_gives_the_old_and_the_new_limit(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");

        var before = await client.GetFromJsonAsync<JsonElement>("/api/jurisdictions/evaluate?country=US&subdivision=US-FL&on=2025-08-18");
        var after = await client.GetFromJsonAsync<JsonElement>("/api/jurisdictions/evaluate?country=US&subdivision=US-FL&on=2025-08-19");

        Assert.Equal("2025-08-18", before.GetProperty("on").GetString());
        Assert.Equal("us-fl-2025-08-13", before.GetProperty("entryId").GetString());
        Assert.Contains("1% by weight", before.GetProperty("statusText").GetString(), StringComparison.Ordinal);
        Assert.Equal("us-fl-2025-08-19", after.GetProperty("entryId").GetString());
        Assert.Contains("400 ppm", after.GetProperty("statusText").GetString(), StringComparison.Ordinal);
        Assert.Contains("dry-weight", after.GetProperty("statusText").GetString(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Evaluating_on_a_day_that_is_not_a_date_is_a_problem_naming_on(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");

        foreach (var bad in new[] { "19-08-2025", "2025-02-30", "yesterday", "0001-01-01" })
        {
            var response = await client.GetAsync($"/api/jurisdictions/evaluate?country=US&subdivision=US-FL&on={bad}");
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("yyyy-MM-dd", problem.GetProperty("errors").GetProperty("on")[0].GetString(), StringComparison.Ordinal);
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_entry_that_reaches_its_effective_date_alerts_the_patients_it_affects_once_in_the_periodic_sweep(Database database)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var server = await servers.StartAsync(database, clock: clock, settings: new Dictionary<string, string> { ["Safety:SweepEnabled"] = "false" });
        var admin = await server.SignedInClientAsync("demo.admin");
        // Three days ahead on the demo clinic's own calendar (New York): from UTC midnight to 05:00 its day is still the day before.
        var clinicToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).DateTime);
        var startsOn = clinicToday.AddDays(3);
        var created = await admin.PostAsJsonAsync("/api/jurisdictions", new
        {
            reason = "Scheduling announced (test)",
            entry = new
            {
                id = "nz-test-future-ban", country = "NZ", status = "Banned", statusText = "Scheduled (test entry)",
                effective = startsOn.ToString("yyyy-MM-dd"), sources = new[] { new { id = "TEST-NZ-2", citation = "Test gazette notice, future ban" } },
                lastVerified = "2026-11-01", verified = true,
            },
        });
        await FourEyes.ApproveAsync(server, created);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var enrolled = await clinician.PostAsJsonAsync("/api/patients", new
        {
            givenName = "Legal", familyName = "Future ban (test)", dateOfBirth = "1985-04-02", sex = "female",
            countryCode = "NZ", careTeam = Array.Empty<Guid>(), confirmLegalWarning = true,
        });
        Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        var patientId = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        async Task SweepAsync()
        {
            await using var scope = server.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SafetySweep>().RunAsync(CancellationToken.None);
        }

        await SweepAsync();
        Assert.Empty(await AlertTestData.AlertsAsync(clinician, patientId, "jurisdiction.now-banned"));

        clock.Advance(TimeSpan.FromDays(3));
        clinician = await server.SignedInClientAsync("demo.clinician"); // the idle session ended with the clock's jump
        await SweepAsync();
        await SweepAsync();

        var inForce = Assert.Single(await AlertTestData.AlertsAsync(clinician, patientId, "jurisdiction.now-banned"));
        Assert.Contains("Test gazette notice, future ban", inForce.ToString(), StringComparison.Ordinal);
        Assert.Contains("took effect", inForce.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Single(await AlertTestData.AlertsAsync(clinician, patientId, "jurisdiction.supply-not-allowed"));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_installation_without_the_Florida_rule_of_19_August_2025_gets_it_at_start_up_and_its_Florida_patients_are_alerted(Database database)
    {
        var own = await servers.NewDatabaseAsync(database);
        Guid patientId;
        await using (var first = await own.StartServerAsync())
        {
            // An installation seeded before the rule was shipped: remove the entry as if it had never been there.
            await first.QueryAsync(async db =>
            {
                db.Jurisdictions.Remove(await db.Jurisdictions.SingleAsync(j => j.Id == "us-fl-2025-08-19"));
                db.JurisdictionChanges.RemoveRange(db.JurisdictionChanges.Where(c => c.EntryId == "us-fl-2025-08-19"));
                return await db.SaveChangesAsync();
            });
            var clinician = await first.SignedInClientAsync("demo.clinician");
            var enrolled = await clinician.PostAsJsonAsync("/api/patients", new
            {
                givenName = "Legal", familyName = "Florida upgrade (test)", dateOfBirth = "1985-04-02", sex = "female",
                countryCode = "US", subdivisionCode = "US-FL", careTeam = Array.Empty<Guid>(), confirmLegalWarning = true,
            });
            Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
            patientId = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var old = await clinician.GetFromJsonAsync<JsonElement>("/api/jurisdictions/evaluate?country=US&subdivision=US-FL");
            Assert.Equal("us-fl-2025-08-13", old.GetProperty("entryId").GetString());
        }

        await using var second = await own.StartServerAsync();
        var client = await second.SignedInClientAsync("demo.clinician");
        var now = await client.GetFromJsonAsync<JsonElement>("/api/jurisdictions/evaluate?country=US&subdivision=US-FL");
        Assert.Equal("us-fl-2025-08-19", now.GetProperty("entryId").GetString());
        var history = (await client.GetFromJsonAsync<JsonElement>("/api/jurisdictions/us-fl-2025-08-19")).GetProperty("history");
        Assert.Contains("shipped with this version", Assert.Single(history.EnumerateArray()).GetProperty("reason").GetString(), StringComparison.Ordinal);
        var alert = Assert.Single(await AlertTestData.AlertsAsync(client, patientId, "jurisdiction.legal-status-changed"));
        Assert.Contains("'us-fl-2025-08-19' now applies instead of 'us-fl-2025-08-13'", alert.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
