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
