using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Speciosa.Web.Data;

namespace Speciosa.Web.Audit;

/// <summary>Appends to the hash-chained audit log. Appends are serialised: in-process by a lock, and
/// across app instances on PostgreSQL by a transaction-scoped advisory lock (on SQLite by the immediate
/// transaction's write lock), so the chain never forks. A data write stages its entry into its own
/// transaction through <see cref="StageAsync"/> (see <see cref="AuditedWrites"/>), so the two commit together.</summary>
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
            await StageAsync(db, record, clock, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            AppendLock.Release();
        }
    }

    /// <summary>Adds the next chain entry for <paramref name="record"/> to <paramref name="db"/>, inside the
    /// caller's open transaction, which holds the chain's lock until it commits or rolls back.</summary>
    internal static async Task<AuditEntry> StageAsync(SpeciosaDbContext db, AuditRecord record, TimeProvider clock, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An audit entry is staged inside the transaction that commits it.");
        }

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
            PatientIdsShown = record.PatientsShown is null ? null : string.Join(',', record.PatientsShown.Select(id => id.ToString("N"))),
            Outcome = Truncate(record.Outcome, 32),
            CorrelationId = Truncate(record.CorrelationId, 100),
            PreviousHash = last?.Hash ?? AuditHash.Genesis,
            Hash = "",
        };
        entry.Hash = db.GetService<AuditSeal>().Hash(entry);
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>Whether this request's entry already committed with its data. An entry staged into a caller's
    /// own transaction is looked up, since that transaction may have rolled back.</summary>
    public async Task<bool> CommittedWithDataAsync(AuditScope scope, CancellationToken ct)
    {
        if (scope.CommittedWithData)
        {
            return true;
        }

        if (scope.Staged is not { } staged)
        {
            return false;
        }

        await using var s = scopes.CreateAsyncScope();
        var db = s.ServiceProvider.GetRequiredService<SpeciosaDbContext>();
        return await db.AuditEntries.AsNoTracking().AnyAsync(a => a.Sequence == staged.Sequence && a.Hash == staged.Hash, ct);
    }

    // PostgreSQL keeps microseconds; hashing the stored value, not the finer clock reading, keeps the chain verifiable.
    private static DateTimeOffset WholeMicroseconds(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % 10), TimeSpan.Zero);

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
