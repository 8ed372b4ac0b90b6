using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Audit;

public sealed class AuditChainTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Sign_ins_failed_sign_ins_and_privilege_changes_are_audited_with_ids_only(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var admin = await server.SignedInClientAsync("demo.admin");
        await server.CreateClient().PostAsJsonAsync("/api/auth/sign-in", new { userName = "demo.nurse", password = "wrong-password-9" });
        var nurseId = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/users")).GetProperty("items").EnumerateArray()
            .Single(u => u.GetProperty("userName").GetString() == "demo.nurse").GetProperty("id").GetGuid();
        var change = await admin.PutAsJsonAsync($"/api/admin/users/{nurseId}/roles", new { roles = new[] { "Nurse", "Quality" } });
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);

        var entries = await EntriesAsync(server);
        Assert.Contains(entries, e => e.Action == "auth.sign-in" && e.Outcome == AuditOutcome.Success && e.UserId != null);
        Assert.Contains(entries, e => e.Action == "auth.sign-in" && e.Outcome == AuditOutcome.Failure && e.ResourceId == nurseId.ToString());
        Assert.Contains(entries, e => e.Action == "privilege.change" && e.ResourceId == nurseId.ToString() && e.UserId != null);
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.CorrelationId)));
        Assert.DoesNotContain(entries, e => e.ResourceId?.Contains("wrong-password", StringComparison.Ordinal) == true);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_denied_request_is_audited_as_denied(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        Assert.Equal(HttpStatusCode.Forbidden, (await clinician.GetAsync("/api/audit/verify")).StatusCode);
        var entries = await EntriesAsync(server);
        Assert.Contains(entries, e => e.Action == "audit.verify" && e.Outcome == AuditOutcome.Denied);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Reads_made_all_at_once_each_leave_their_own_entry_before_they_answer_and_the_chain_verifies(Database database)
    {
        // Entries of reads are group-committed (issue 17): many requests share one transaction, but each answers only once
        // its own entry is in the database, in a chain that verifies.
        await using var server = await servers.StartAsync(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var before = (await EntriesAsync(server)).Count;

        // Each asks for a record id of its own (none exists: 404, audited with the id asked for), so each can look for its
        // own entry the moment its answer arrives.
        const int reads = 40;
        var answers = await Task.WhenAll(Enumerable.Range(0, reads).Select(async _ =>
        {
            var asked = Guid.NewGuid();
            var response = await clinician.GetAsync($"/api/patients/{asked}");
            await using var scope = server.Services.CreateAsyncScope();
            var own = await scope.ServiceProvider.GetRequiredService<SpeciosaDbContext>().AuditEntries.AsNoTracking()
                .CountAsync(e => e.PatientId == asked);
            return (response.StatusCode, Own: own);
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.StatusCode));
        Assert.All(answers, a => Assert.Equal(1, a.Own));
        var after = await EntriesAsync(server);
        Assert.Equal(reads, after.Count - before);
        Assert.Equal(Enumerable.Range(1, after.Count).Select(i => (long)i), after.Select(e => e.Sequence));
        var report = await VerifyDirectAsync(server);
        Assert.True(report.Intact, report.FirstBreak?.ToString());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_untouched_chain_verifies_as_intact(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var admin = await server.SignedInClientAsync("demo.admin");
        var report = await admin.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        Assert.True(report.GetProperty("intact").GetBoolean());
        Assert.True(report.GetProperty("entriesChecked").GetInt64() >= 1);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_edited_row_is_named_by_the_verifier(Database database)
    {
        await using var server = await servers.StartAsync(database);
        await MakeEntriesAsync(server);
        await ExecuteAsync(server, "UPDATE \"AuditEntries\" SET \"Action\" = 'innocent.action' WHERE \"Sequence\" = 2");
        var admin = await server.SignedInClientAsync("demo.admin");
        var report = await admin.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        Assert.False(report.GetProperty("intact").GetBoolean());
        Assert.Equal(2, report.GetProperty("firstBreak").GetProperty("sequence").GetInt64());
        Assert.Contains("edited", report.GetProperty("firstBreak").GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_deleted_row_is_named_by_the_verifier(Database database)
    {
        await using var server = await servers.StartAsync(database);
        await MakeEntriesAsync(server);
        await ExecuteAsync(server, "DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 3");
        var report = await VerifyDirectAsync(server);
        Assert.False(report.Intact);
        Assert.Equal(3, report.FirstBreak!.Sequence);
        Assert.Contains("missing", report.FirstBreak.Problem, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_inserted_row_is_named_by_the_verifier(Database database)
    {
        await using var server = await servers.StartAsync(database);
        await MakeEntriesAsync(server);
        // Shift later rows up by one and slip a forged row in at sequence 3.
        await ExecuteAsync(server, "UPDATE \"AuditEntries\" SET \"Sequence\" = \"Sequence\" + 1000 WHERE \"Sequence\" >= 3");
        await ExecuteAsync(server, "UPDATE \"AuditEntries\" SET \"Sequence\" = \"Sequence\" - 999 WHERE \"Sequence\" >= 1003");
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SpeciosaDbContext>();
            var second = await db.AuditEntries.SingleAsync(e => e.Sequence == 2);
            db.AuditEntries.Add(new AuditEntry
            {
                Sequence = 3, OccurredAt = second.OccurredAt, Action = "forged.entry", ResourceType = "Nothing", Outcome = "success",
                CorrelationId = "forged", PreviousHash = second.Hash, Hash = new string('a', 64),
            });
            await db.SaveChangesAsync();
        }

        var report = await VerifyDirectAsync(server);
        Assert.False(report.Intact);
        Assert.Equal(3, report.FirstBreak!.Sequence);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_verify_audit_command_reports_the_break_and_exits_non_zero(Database database)
    {
        await using var server = await servers.StartAsync(database);
        await MakeEntriesAsync(server);
        var output = new StringWriter();
        Assert.Equal(0, await AuditCommand.RunAsync(server.DatabaseArguments, output));
        Assert.Contains("intact", output.ToString(), StringComparison.Ordinal);

        await ExecuteAsync(server, "UPDATE \"AuditEntries\" SET \"Action\" = 'tampered' WHERE \"Sequence\" = 2");
        output = new StringWriter();
        Assert.Equal(1, await AuditCommand.RunAsync(server.DatabaseArguments, output));
        Assert.Contains("BROKEN at sequence 2", output.ToString(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Removing_the_newest_rows_is_reported_against_the_signed_checkpoint(Database database)
    {
        await using var server = await servers.StartAsync(database);
        await MakeEntriesAsync(server);
        var anchored = await CheckpointAsync(server);
        await ExecuteAsync(server, $"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" > {anchored.Sequence - 3}");

        var report = await VerifyDirectAsync(server);

        Assert.False(report.Intact);
        Assert.Equal(anchored.Sequence - 2, report.FirstBreak!.Sequence);
        Assert.Contains("newest rows were removed", report.FirstBreak.Problem, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Deleting_every_row_is_reported_not_read_as_an_intact_empty_log(Database database)
    {
        await using var server = await servers.StartAsync(database);
        await MakeEntriesAsync(server);
        await CheckpointAsync(server);
        await ExecuteAsync(server, "DELETE FROM \"AuditEntries\"");

        var report = await VerifyDirectAsync(server);

        Assert.False(report.Intact);
        Assert.Equal(0, report.EntriesChecked);
        Assert.Contains("every entry was deleted", report.FirstBreak!.Problem, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_row_appended_by_someone_without_the_audit_key_is_named_by_the_verifier(Database database)
    {
        await using var server = await servers.StartAsync(database);
        await MakeEntriesAsync(server);
        long forged;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SpeciosaDbContext>();
            var last = await db.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync();
            var entry = new AuditEntry
            {
                Sequence = last.Sequence + 1, OccurredAt = last.OccurredAt, Action = "patient.read", ResourceType = "Patient",
                Outcome = "success", CorrelationId = "forged", PreviousHash = last.Hash, Hash = "",
            };
            entry.Hash = UnkeyedHash(entry);
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync();
            forged = entry.Sequence;
        }

        var report = await VerifyDirectAsync(server);

        Assert.False(report.Intact);
        Assert.Equal(forged, report.FirstBreak!.Sequence);
        Assert.Contains("without the audit key", report.FirstBreak.Problem, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Rewriting_a_row_and_recomputing_every_later_hash_is_named_by_the_verifier(Database database)
    {
        await using var server = await servers.StartAsync(database);
        await MakeEntriesAsync(server);
        await RewriteFromAsync(server, 2, UnkeyedHash);

        var report = await VerifyDirectAsync(server);

        Assert.False(report.Intact);
        Assert.Equal(2, report.FirstBreak!.Sequence);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Even_with_the_chain_key_a_rewrite_of_checkpointed_rows_is_caught_by_the_checkpoint(Database database)
    {
        await using var server = await servers.StartAsync(database);
        await MakeEntriesAsync(server);
        var anchored = await CheckpointAsync(server);
        var seal = server.Services.GetRequiredService<AuditSeal>();
        await RewriteFromAsync(server, 2, seal.Hash);

        var report = await VerifyDirectAsync(server);

        Assert.False(report.Intact);
        Assert.True(report.FirstBreak!.Sequence <= anchored.Sequence);
        Assert.Contains("signed checkpoint", report.FirstBreak.Problem, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_checkpoint_line_not_signed_with_the_installations_key_is_reported(Database database)
    {
        await using var server = await servers.StartAsync(database);
        await MakeEntriesAsync(server);
        await CheckpointAsync(server);
        await File.AppendAllTextAsync(server.AnchorPath,
            "{\"Sequence\":1,\"Hash\":\"" + new string('b', 64) + "\",\"At\":\"2026-01-01T00:00:00.0000000+00:00\",\"Signature\":\"" + new string('c', 64) + "\"}\n");

        var report = await VerifyDirectAsync(server);

        Assert.False(report.Intact);
        Assert.Contains("forged or damaged", report.FirstBreak!.Problem, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_missing_checkpoint_file_is_reported_because_truncation_could_not_be_seen(Database database)
    {
        await using var server = await servers.StartAsync(database);
        await MakeEntriesAsync(server);
        File.Delete(server.AnchorPath);

        var report = await VerifyDirectAsync(server);

        Assert.False(report.Intact);
        Assert.Contains("No signed checkpoint", report.FirstBreak!.Problem, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_start_up_checkpoint_and_a_periodic_one_cover_the_log_and_the_report_says_how_far(Database database)
    {
        await using var server = await servers.StartAsync(database);
        await MakeEntriesAsync(server);
        var anchored = await CheckpointAsync(server);

        var report = await VerifyDirectAsync(server);

        Assert.True(report.Intact, report.FirstBreak?.Problem);
        Assert.Equal(anchored.Sequence, report.AnchoredThrough);
        Assert.True(File.ReadAllLines(server.AnchorPath).Length >= 2, "a checkpoint at start and one after the entries");
    }

    /// <summary>The periodic job's checkpoint, taken now.</summary>
    private static Task<AuditCheckpoint> CheckpointAsync(SpeciosaServer server) =>
        server.Services.GetRequiredService<AuditAnchors>().CheckpointAsync();

    /// <summary>The hash an attacker holding only the database can compute: the canonical form without the key.</summary>
    private static string UnkeyedHash(AuditEntry entry) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(AuditHash.Canonical(entry))));

    /// <summary>Edits the row at <paramref name="from"/> and re-chains every later row with <paramref name="hash"/>.</summary>
    private static async Task RewriteFromAsync(SpeciosaServer server, long from, Func<AuditEntry, string> hash)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpeciosaDbContext>();
        var rows = await db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync();
        var previous = rows.Single(e => e.Sequence == from - 1).Hash;
        foreach (var row in rows.Where(e => e.Sequence >= from))
        {
            if (row.Sequence == from) row.Action = "innocent.action";
            row.PreviousHash = previous;
            row.Hash = hash(row);
            previous = row.Hash;
        }

        await db.SaveChangesAsync();
    }

    private static async Task MakeEntriesAsync(SpeciosaServer server)
    {
        var client = await server.SignedInClientAsync("demo.clinician");
        for (var i = 0; i < 4; i++)
        {
            await client.GetAsync("/api/auth/me");
        }
    }

    private static async Task<List<AuditEntry>> EntriesAsync(SpeciosaServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SpeciosaDbContext>().AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    private static async Task<AuditChainReport> VerifyDirectAsync(SpeciosaServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
    }

    private static async Task ExecuteAsync(SpeciosaServer server, string sql)
    {
        await using var scope = server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SpeciosaDbContext>().Database.ExecuteSqlRawAsync(sql);
    }
}
