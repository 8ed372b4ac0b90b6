using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Speciosa.Web.Data;

namespace Speciosa.Web.Audit;

/// <summary>Appends to the hash-chained audit log. Appends are serialised: in-process by one writer, and across app
/// instances on PostgreSQL by a transaction-scoped advisory lock (on SQLite by the immediate transaction's write lock), so
/// the chain never forks. A data write stages its entry into its own transaction through <see cref="StageAsync"/> (see
/// <see cref="AuditedWrites"/>), so the two commit together.
/// <para>Entries appended on their own (reads, refusals, failures) are group-committed (issue 17, win 1): each waits in a
/// queue, one writer takes every entry waiting (up to <see cref="MaxBatch"/>), chains them in order and commits them in one
/// transaction, and only then does each request go on. So every entry is durable before its response, as before, but a
/// busy server pays one lock, one chain-head read and one commit (one fsync on SQLite) per batch instead of per request.
/// A batch that fails is retried entry by entry, so one entry the database refuses fails only its own request.</para></summary>
public sealed class AuditTrail : IAsyncDisposable
{
    // Arbitrary constant naming the audit-append advisory lock on PostgreSQL.
    private const long AdvisoryLockKey = 0x5_9EC1_05A0_D17;

    /// <summary>The most entries one group commit takes.</summary>
    public const int MaxBatch = 256;

    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly System.Threading.Channels.Channel<Pending> queue =
        System.Threading.Channels.Channel.CreateUnbounded<Pending>(new() { SingleReader = true });
    private readonly Task writer;

    public AuditTrail(IServiceScopeFactory scopes, TimeProvider clock)
    {
        this.scopes = scopes;
        this.clock = clock;
        // The writer belongs to no request: it must not carry the first caller's HttpContext (the audited SaveChanges reads it).
        using (ExecutionContext.SuppressFlow())
        {
            writer = Task.Run(WriteAsync);
        }
    }

    private sealed record Pending(AuditRecord Record, TaskCompletionSource Done);

    /// <summary>Appends <paramref name="record"/> and returns once it is committed.</summary>
    public async Task AppendAsync(AuditRecord record, CancellationToken ct = default)
    {
        var pending = new Pending(record, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The audit trail is shutting down; the entry was not written.");
        }

        await pending.Done.Task.WaitAsync(ct);
    }

    private async Task WriteAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                await CommitAsync(batch.Select(p => p.Record).ToList());
                batch.ForEach(p => p.Done.TrySetResult());
            }
            catch (Exception) when (batch.Count > 1)
            {
                foreach (var one in batch)
                {
                    try
                    {
                        await CommitAsync([one.Record]);
                        one.Done.TrySetResult();
                    }
                    catch (Exception error)
                    {
                        one.Done.TrySetException(error);
                    }
                }
            }
            catch (Exception error)
            {
                batch.ForEach(p => p.Done.TrySetException(error));
            }
        }
    }

    private async Task CommitAsync(IReadOnlyList<AuditRecord> records)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpeciosaDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        AuditEntry? previous = null;
        foreach (var record in records)
        {
            previous = await StageAsync(db, record, clock, CancellationToken.None, previous);
        }

        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }

    /// <summary>Stops taking entries and waits for those queued to be written.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer;
    }

    /// <summary>Adds the next chain entry for <paramref name="record"/> to <paramref name="db"/>, inside the
    /// caller's open transaction, which holds the chain's lock until it commits or rolls back.
    /// <paramref name="after"/> is the entry this transaction staged just before (a group commit): the chain continues from
    /// it without another lock or read.</summary>
    internal static async Task<AuditEntry> StageAsync(SpeciosaDbContext db, AuditRecord record, TimeProvider clock, CancellationToken ct, AuditEntry? after = null)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An audit entry is staged inside the transaction that commits it.");
        }

        if (after is null && db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
        }

        var last = after is not null
            ? new { after.Sequence, after.Hash }
            : await db.AuditEntries.AsNoTracking()
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
