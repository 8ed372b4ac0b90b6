using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Testing;
using Speciosa.Web.Audit;
using Xunit;
using static Speciosa.Testing.RegimenTestData;

namespace Speciosa.Web.Tests.Data;

/// <summary>Two real app instances on one PostgreSQL database, as a clinic runs behind a load balancer (issue 18 item 9):
/// a session from one works on the other, the periodic safety sweep runs once a period, the sign-in limits hold across
/// both, doses sent to both at once respect the daily limit, and the audit chain they both append to stays intact.</summary>
public sealed class SeveralInstancesTests(PostgresCluster postgres)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_session_started_on_one_instance_works_on_the_other_and_signing_out_there_ends_it_on_both()
    {
        var (a, b) = await TwoInstancesAsync();
        await using var _ = a;
        await using var __ = b;
        var signIn = await a.CreateClient().PostAsJsonAsync("/api/auth/sign-in",
            new { userName = "demo.clinician", password = SpeciosaServer.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var cookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        using var onA = WithCookie(a, cookie);
        using var onB = WithCookie(b, cookie);

        var me = await onB.GetAsync("/api/auth/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("demo.clinician", (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userName").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await onB.PostAsync("/api/auth/sign-out", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await onA.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await onB.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_limit_per_address_counts_attempts_on_both_instances_together()
    {
        // A clock that stands still keeps every attempt in one minute's window.
        var clock = new SteppedClock(Start);
        var (a, b) = await TwoInstancesAsync(new Dictionary<string, string> { ["Security:SignInAttemptsPerMinute"] = "3" }, clock);
        await using var _ = a;
        await using var __ = b;

        Assert.Equal(HttpStatusCode.Unauthorized, (await WrongPasswordAsync(a)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WrongPasswordAsync(b)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WrongPasswordAsync(a)).StatusCode);
        // The fourth attempt from this address, whichever instance it reaches, is over the limit of 3 a minute.
        var fourth = await WrongPasswordAsync(b);
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.True(fourth.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await WrongPasswordAsync(a)).StatusCode);

        // The next minute the address may try again.
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await b.CreateClient().PostAsJsonAsync("/api/auth/sign-in",
            new { userName = "demo.nurse", password = SpeciosaServer.DemoPassword })).StatusCode);
    }

    [Fact]
    public async Task Failed_passwords_on_both_instances_count_together_towards_the_accounts_delay()
    {
        var (a, b) = await TwoInstancesAsync(new Dictionary<string, string> { ["Security:MaxFailedSignIns"] = "2" });
        await using var _ = a;
        await using var __ = b;

        Assert.Equal(HttpStatusCode.Unauthorized, (await WrongPasswordAsync(a)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WrongPasswordAsync(b)).StatusCode);

        // Two failures in all: this source now waits, on either instance, even with the right password.
        foreach (var server in new[] { a, b })
        {
            var right = await server.CreateClient().PostAsJsonAsync("/api/auth/sign-in",
                new { userName = "demo.nurse", password = SpeciosaServer.DemoPassword });
            Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        }
    }

    [Fact]
    public async Task The_periodic_safety_sweep_runs_once_a_period_across_both_instances()
    {
        var clock = new SteppedClock(Start);
        var settings = new Dictionary<string, string> { ["Safety:SweepMinutes"] = "15" };
        postgres.SkipIfUnavailable();
        var connection = await postgres.CreateDatabaseAsync();
        await using var a = await SpeciosaServer.StartAsync(demo: true, connection, settings, clock: clock);
        await clock.TimersCreatedAsync(2); // the sweep's and the audit checkpoints'
        // The second instance starts five minutes later, so its timer ticks five minutes after the first's.
        clock.Advance(TimeSpan.FromMinutes(5));
        await using var b = await SpeciosaServer.StartAsync(demo: true, connection, settings, clock: clock);
        await clock.TimersCreatedAsync(4);
        ForgetStartUpErrors(a, b);

        clock.Advance(TimeSpan.FromMinutes(10)); // 09:15: the first instance's tick sweeps
        await SweepsReachAsync(a, 1);
        clock.Advance(TimeSpan.FromMinutes(5)); // 09:20: the second's tick finds this period swept
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        Assert.Equal(1, await SweepsAsync(a));

        clock.Advance(TimeSpan.FromMinutes(10)); // 09:30: the next period, swept once by the first tick of it
        await SweepsReachAsync(b, 2);
        clock.Advance(TimeSpan.FromMinutes(5)); // 09:35
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        Assert.Equal(2, await SweepsAsync(b));
        Assert.True(a.Errors.Entries.Count == 0, string.Join("\n", a.Errors.Entries));
        Assert.True(b.Errors.Entries.Count == 0, string.Join("\n", b.Errors.Entries));
    }

    [Theory]
    [ClassData(typeof(BothDatabases))]
    public async Task A_single_instance_still_sweeps_every_period(Database database)
    {
        var clock = new SteppedClock(Start);
        var settings = new Dictionary<string, string> { ["Safety:SweepMinutes"] = "15" };
        if (database == Database.Postgres)
        {
            postgres.SkipIfUnavailable();
        }

        await using var server = await SpeciosaServer.StartAsync(demo: true,
            database == Database.Postgres ? await postgres.CreateDatabaseAsync() : null, settings, clock: clock);
        await clock.TimersCreatedAsync(2);
        for (var period = 1; period <= 3; period++)
        {
            clock.Advance(TimeSpan.FromMinutes(15));
            await SweepsReachAsync(server, period);
        }

        Assert.Equal(3, await SweepsAsync(server));
    }

    [Fact]
    public async Task Doses_sent_to_both_instances_at_once_respect_the_daily_limit_and_the_audit_chain_stays_intact()
    {
        var (a, b) = await TwoInstancesAsync();
        await using var _ = a;
        await using var __ = b;
        var clinician = await a.SignedInClientAsync("demo.clinician");
        var (patientId, lotId) = await PatientOnAnOrderAsync(clinician);
        // The order: 2 g an administration, at most 6 g and 3 administrations a day. Two are given first.
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Created,
                (await clinician.PostAsJsonAsync($"/api/patients/{patientId}/doses", new { grams = 2m, lotId })).StatusCode);
        }

        var nurses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? a : b).SignedInClientAsync("demo.nurse")));
        // Twenty doses, half to each instance, with reads of the chart on both in between: every request appends to the
        // audit chain.
        var doses = Enumerable.Range(0, 20).Select(i =>
            nurses[i % nurses.Length].PostAsJsonAsync($"/api/patients/{patientId}/doses", new { grams = 2m, lotId }));
        var reads = Enumerable.Range(0, 20).Select(i => nurses[i % nurses.Length].GetAsync($"/api/patients/{patientId}/doses"));
        var responses = await Task.WhenAll(doses);
        Assert.All(await Task.WhenAll(reads), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(3, await a.QueryAsync(db => db.Doses.CountAsync(d => d.PatientId == patientId)));

        foreach (var server in new[] { a, b })
        {
            await using var scope = server.Services.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
            Assert.True(report.Intact, report.FirstBreak?.Problem);
            Assert.True(report.EntriesChecked > 40);
        }

        Assert.True(a.Errors.Entries.Count == 0, string.Join("\n", a.Errors.Entries));
        Assert.True(b.Errors.Entries.Count == 0, string.Join("\n", b.Errors.Entries));
    }

    [Fact]
    public async Task A_token_owners_role_change_or_the_tokens_revocation_on_one_instance_stops_it_on_the_other_at_once()
    {
        var (a, b) = await TwoInstancesAsync();
        await using var _ = a;
        await using var __ = b;
        var owner = await a.SignedInClientAsync("demo.researcher");
        var created = await owner.PostAsJsonAsync("/api/account/tokens", new { name = "nightly export", expiresInDays = 30 });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var tokenId = body.GetProperty("token").GetProperty("id").GetGuid();
        using var script = b.CreateClient();
        script.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", body.GetProperty("secret").GetString());

        // Used on B (B now holds the owner's principal), then the owner gains the Nurse role on A: B sees it at once.
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await script.GetAsync("/api/patients")).StatusCode);
        var admin = await a.SignedInClientAsync("demo.admin");
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users");
        var researcher = users.GetProperty("items").EnumerateArray().First(u => u.GetProperty("userName").GetString() == "demo.researcher").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/admin/users/{researcher}/roles", new { roles = new[] { "Researcher", "Nurse" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/patients")).StatusCode);

        // And losing it again ends it at once.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/admin/users/{researcher}/roles", new { roles = new[] { "Researcher" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await script.GetAsync("/api/patients")).StatusCode);

        // Revoked on A: refused by B on the next request.
        var again = await a.SignedInClientAsync("demo.researcher");
        Assert.Equal(HttpStatusCode.NoContent, (await again.DeleteAsync($"/api/account/tokens/{tokenId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Two_instances_starting_at_once_on_an_empty_database_seed_the_registry_and_the_demo_clinic_once()
    {
        postgres.SkipIfUnavailable();
        var connection = await postgres.CreateDatabaseAsync();
        var starts = new[] { SpeciosaServer.StartAsync(demo: true, connection), SpeciosaServer.StartAsync(demo: true, connection) };
        var servers = await Task.WhenAll(starts);
        await using var a = servers[0];
        await using var b = servers[1];

        // One printed the demo's sign-ins; the other found the clinic already there.
        Assert.Single(servers, s => s.ConsoleOutput.Contains("DEMO clinic created", StringComparison.Ordinal));
        var (clinics, users, entries, seeded) = await a.QueryAsync(async db => (
            await db.Clinics.CountAsync(c => c.IsDemo),
            await db.Users.CountAsync(u => u.UserName == "demo.clinician"),
            await db.Jurisdictions.CountAsync(),
            await db.JurisdictionChanges.CountAsync(c => c.Kind == Speciosa.Web.Jurisdictions.JurisdictionChangeKinds.Seeded)));
        Assert.Equal(1, clinics);
        Assert.Equal(1, users);
        Assert.True(entries > 0);
        Assert.Equal(entries, seeded);

        // Both serve the same clinic.
        foreach (var server in servers)
        {
            var client = await server.SignedInClientAsync("demo.clinician");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/patients")).StatusCode);
        }
    }

    private async Task<(SpeciosaServer A, SpeciosaServer B)> TwoInstancesAsync(
        IReadOnlyDictionary<string, string>? settings = null, TimeProvider? clock = null)
    {
        postgres.SkipIfUnavailable();
        var connection = await postgres.CreateDatabaseAsync();
        // The same key-ring key for both (SpeciosaServer's test key), as every instance of a clinic must have.
        var a = await SpeciosaServer.StartAsync(demo: true, connection, settings, clock: clock);
        var b = await SpeciosaServer.StartAsync(demo: true, connection, settings, clock: clock);
        ForgetStartUpErrors(a, b);
        return (a, b);
    }

    /// <summary>EF logs the first migration's look for its history table on a new PostgreSQL database as an error; what
    /// counts is what the instances log afterwards.</summary>
    private static void ForgetStartUpErrors(params SpeciosaServer[] servers)
    {
        foreach (var server in servers)
        {
            server.Errors.Drain();
        }
    }

    private static HttpClient WithCookie(SpeciosaServer server, string cookie)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private static Task<HttpResponseMessage> WrongPasswordAsync(SpeciosaServer server) =>
        server.CreateClient().PostAsJsonAsync("/api/auth/sign-in", new { userName = "demo.nurse", password = "Not-the-password-1" });

    private static Task<int> SweepsAsync(SpeciosaServer server) =>
        server.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "alert.sweep"));

    private static async Task SweepsReachAsync(SpeciosaServer server, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await SweepsAsync(server) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The sweep did not run {count} time(s) within a minute.");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
