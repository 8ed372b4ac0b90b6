using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;

namespace Speciosa.Web.Audit;

/// <summary>Appends to the hash-chained audit log. Appends are serialised: in-process by a lock, and
/// across app instances on PostgreSQL by a transaction-scoped advisory lock, so the chain never forks.</summary>
public sealed class AuditTrail(IServiceScopeFactory scopes, TimeProvider clock)
{
    // Arbitrary constant naming the audit-append advisory lock on PostgreSQL.
    private const long AdvisoryLockKey = 0x5_9EC1_05A0_D17;
    private static readonly SemaphoreSlim AppendLock = new(1, 1);

    public async Task AppendAsync(AuditRecord record, CancellationToken ct = default)
    {
        await AppendLock.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SpeciosaDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
            }

            var last = await db.AuditEntries.AsNoTracking()
                .OrderByDescending(a => a.Sequence)
                .Select(a => new { a.Sequence, a.Hash })
                .FirstOrDefaultAsync(ct);

            var entry = new AuditEntry
            {
                Sequence = (last?.Sequence ?? 0) + 1,
                OccurredAt = WholeMicroseconds(clock.GetUtcNow()),
                UserId = record.UserId,
                ClinicId = record.ClinicId,
                Action = Truncate(record.Action, 100),
                ResourceType = Truncate(record.ResourceType, 100),
                ResourceId = record.ResourceId is null ? null : Truncate(record.ResourceId, 100),
                PatientId = record.PatientId,
                Outcome = Truncate(record.Outcome, 32),
                CorrelationId = Truncate(record.CorrelationId, 100),
                PreviousHash = last?.Hash ?? AuditHash.Genesis,
                Hash = "",
            };
            entry.Hash = AuditHash.Compute(entry);
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            AppendLock.Release();
        }
    }

    // PostgreSQL keeps microseconds; hashing the stored value, not the finer clock reading, keeps the chain verifiable.
    private static DateTimeOffset WholeMicroseconds(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % 10), TimeSpan.Zero);

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
