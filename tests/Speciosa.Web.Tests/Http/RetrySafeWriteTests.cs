using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Testing;
using Speciosa.Web.Http;
using Speciosa.Web.Treatment;
using Speciosa.Web.Vitals;
using Xunit;
using static Speciosa.Testing.RegimenTestData;

namespace Speciosa.Web.Tests.Http;

/// <summary>Writes a client may retry are idempotent under an Idempotency-Key, and every write commits with its
/// audit row. Found in testing: after kill -9 rounds, retries created 7 duplicate doses and 5 committed doses
/// had no audit row.</summary>
public sealed class RetrySafeWriteTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private static HttpRequestMessage Post(string path, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add(Idempotency.Header, key);
        }

        return request;
    }

    [Theory]
    [ClassData(typeof(BothDatabases))]
    public async Task A_dose_retried_with_the_same_key_answers_the_first_result_and_stores_one_dose(Database database)
    {
        var server = await servers.On(database);
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var (patientId, lotId) = await PatientOnAnOrderAsync(await server.SignedInClientAsync("demo.clinician"));
        var key = Guid.NewGuid().ToString();
        var path = $"/api/patients/{patientId}/doses";

        var first = await nurse.SendAsync(Post(path, new { grams = 2m, lotId }, key));
        var retry = await nurse.SendAsync(Post(path, new { grams = 2m, lotId }, key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.True(retry.Headers.TryGetValues(Idempotency.ReplayedHeader, out _));
        Assert.Equal(1, await server.QueryAsync(d => d.Doses.CountAsync(x => x.PatientId == patientId)));
    }

    [Theory]
    [ClassData(typeof(BothDatabases))]
    public async Task Ten_concurrent_retries_with_one_key_store_one_dose_and_all_get_its_answer(Database database)
    {
        var server = await servers.On(database);
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var (patientId, lotId) = await PatientOnAnOrderAsync(await server.SignedInClientAsync("demo.clinician"));
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            nurse.SendAsync(Post($"/api/patients/{patientId}/doses", new { grams = 2m, lotId }, key))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location).Distinct());
        Assert.Equal(1, await server.QueryAsync(d => d.Doses.CountAsync(x => x.PatientId == patientId)));
    }

    [Theory]
    [ClassData(typeof(BothDatabases))]
    public async Task The_same_key_with_a_different_request_is_a_422_and_stores_nothing(Database database)
    {
        var server = await servers.On(database);
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var (patientId, lotId) = await PatientOnAnOrderAsync(await server.SignedInClientAsync("demo.clinician"));
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await nurse.SendAsync(Post($"/api/patients/{patientId}/doses", new { grams = 2m, lotId }, key))).StatusCode);

        var other = await nurse.SendAsync(Post($"/api/patients/{patientId}/doses", new { grams = 1.5m, lotId }, key));

        await other.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(1, await server.QueryAsync(d => d.Doses.CountAsync(x => x.PatientId == patientId)));
    }

    [Theory]
    [ClassData(typeof(BothDatabases))]
    public async Task Assessments_liver_results_and_adverse_events_retried_with_their_key_are_stored_once(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(clinician, "Retryson");
        var now = DateTimeOffset.UtcNow;
        var writes = new (string Path, object Body, Func<SpeciosaDbContext, Task<int>> Count)[]
        {
            ($"/api/patients/{id}/assessments",
                new { instrumentId = "cows", answers = WithdrawalTestData.ModerateCows, assessedAt = now.AddMinutes(-5) },
                d => d.Assessments.CountAsync(a => a.PatientId == id)),
            ($"/api/patients/{id}/labs", LiverTestData.HysLawPanel(now.AddHours(-1)), d => d.LabResults.CountAsync(l => l.PatientId == id)),
            ($"/api/patients/{id}/adverse-events",
                new { termId = "agitation", grade = 1, onset = now.AddHours(-5), outcome = "recovering", relatedness = "possible", seriousnessCriteria = Array.Empty<string>(), actionTaken = "none" },
                d => d.AdverseEvents.CountAsync(a => a.PatientId == id)),
        };

        foreach (var (path, body, count) in writes)
        {
            var key = Guid.NewGuid().ToString();
            var first = await clinician.SendAsync(Post(path, body, key));
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            var stored = await server.QueryAsync(count);
            Assert.True(stored > 0, path);

            var retry = await clinician.SendAsync(Post(path, body, key));

            Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
            Assert.Equal(stored, await server.QueryAsync(count));
        }
    }

    [Theory]
    [ClassData(typeof(BothDatabases))]
    public async Task An_unusable_key_is_a_400_naming_the_header(Database database)
    {
        var server = await servers.On(database);
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var (patientId, lotId) = await PatientOnAnOrderAsync(await server.SignedInClientAsync("demo.clinician"));

        var response = await nurse.SendAsync(Post($"/api/patients/{patientId}/doses", new { grams = 2m, lotId }, new string('k', 101)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(Idempotency.Header, out _));
        Assert.Equal(0, await server.QueryAsync(d => d.Doses.CountAsync(x => x.PatientId == patientId)));
    }

    [Theory]
    [ClassData(typeof(BothDatabases))]
    public async Task A_dose_commits_with_its_audit_row_naming_it(Database database)
    {
        var server = await servers.On(database);
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var (patientId, lotId) = await PatientOnAnOrderAsync(await server.SignedInClientAsync("demo.clinician"));

        var given = await nurse.PostAsJsonAsync($"/api/patients/{patientId}/doses", new { grams = 2m, lotId });

        Assert.Equal(HttpStatusCode.Created, given.StatusCode);
        var doseId = (await given.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid().ToString();
        await using var scope = server.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<SpeciosaDbContext>();
        var entry = await data.AuditEntries.SingleAsync(a => a.Action == "dose.create" && a.ResourceId == doseId);
        Assert.Equal(AuditOutcome.Success, entry.Outcome);
        Assert.Equal(patientId, entry.PatientId);
    }

    /// <summary>The audit row cannot be written (the database refuses it once): the dose it describes is not
    /// stored either, and a retry with the same key then stores it once, with its row.</summary>
    [Theory]
    [ClassData(typeof(BothDatabases))]
    public async Task A_dose_whose_audit_row_cannot_be_written_is_not_stored_and_its_retry_stores_it_once(Database database)
    {
        var fault = new FailAuditInsertOnce();
        await using var server = await servers.StartAsync(database, services: s => s.ConfigureDbContext<SpeciosaDbContext>(o => o.AddInterceptors(fault)));
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var (patientId, lotId) = await PatientOnAnOrderAsync(await server.SignedInClientAsync("demo.clinician"));
        var key = Guid.NewGuid().ToString();
        var path = $"/api/patients/{patientId}/doses";

        fault.Armed = true;
        var failed = await nurse.SendAsync(Post(path, new { grams = 2m, lotId }, key));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.False(fault.Armed);
        Assert.Equal(0, await server.QueryAsync(d => d.Doses.CountAsync(x => x.PatientId == patientId)));

        var retried = await nurse.SendAsync(Post(path, new { grams = 2m, lotId }, key));

        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(1, await server.QueryAsync(d => d.Doses.CountAsync(x => x.PatientId == patientId)));
        var doseId = (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid().ToString();
        Assert.Equal(1, await server.QueryAsync(d => d.AuditEntries.CountAsync(a => a.Action == "dose.create" && a.ResourceId == doseId)));
    }

    private sealed class FailAuditInsertOnce : DbCommandInterceptor
    {
        private int armed;

        public bool Armed
        {
            get => Volatile.Read(ref armed) == 1;
            set => Volatile.Write(ref armed, value ? 1 : 0);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal)
                && Interlocked.CompareExchange(ref armed, 0, 1) == 1)
            {
                throw new InvalidOperationException("Simulated failure writing the audit row.");
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal)
                && Interlocked.CompareExchange(ref armed, 0, 1) == 1)
            {
                throw new InvalidOperationException("Simulated failure writing the audit row.");
            }

            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    [Theory]
    [ClassData(typeof(BothDatabases))]
    public async Task Vital_signs_and_a_naloxone_record_retried_with_their_keys_are_stored_once(Database database)
    {
        var server = await servers.On(database);
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var patientId = await PatientTestData.EnrolAsync(await server.SignedInClientAsync("demo.clinician"), "Retryvitals");
        var vitalsKey = Guid.NewGuid().ToString();
        var naloxoneKey = Guid.NewGuid().ToString();
        var vitals = new { heartRateBpm = 72, respiratoryRatePerMin = 14 };
        var naloxone = new { kind = "naloxone-supplied", on = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd") };

        foreach (var _ in Enumerable.Range(0, 2))
        {
            Assert.Equal(HttpStatusCode.Created, (await nurse.SendAsync(Post($"/api/patients/{patientId}/vitals", vitals, vitalsKey))).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await nurse.SendAsync(Post($"/api/patients/{patientId}/overdose-prevention", naloxone, naloxoneKey))).StatusCode);
        }

        Assert.Equal(1, await server.QueryAsync(d => d.VitalSigns.CountAsync(x => x.PatientId == patientId)));
        Assert.Equal(1, await server.QueryAsync(d => d.OverdosePreventionRecords.CountAsync(x => x.PatientId == patientId)));
    }
}
