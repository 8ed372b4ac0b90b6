using Speciosa.Web.Data;

namespace Speciosa.Web.Audit;

/// <summary><c>dotnet run --project src/Speciosa.Web -- verify-audit [--demo] [--Database:Provider=…]</c>:
/// checks the chain in the configured database. Exit code 0 intact, 1 broken.</summary>
public static class AuditCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var app = SpeciosaApp.Build(args);
        await DatabaseSetup.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
        if (report.Intact)
        {
            await output.WriteLineAsync($"Audit chain intact: {report.EntriesChecked} entries checked.");
            return 0;
        }

        var b = report.FirstBreak!;
        await output.WriteLineAsync($"Audit chain BROKEN at sequence {b.Sequence} (row id {b.EntryId}): {b.Problem}");
        await output.WriteLineAsync($"{report.EntriesChecked} entries before it are intact.");
        return 1;
    }
}
