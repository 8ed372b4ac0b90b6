using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Speciosa.Web.Data;

/// <summary>The one way to make a check and the write it guards atomic under concurrent requests (a daily dose
/// limit, a key seen once). Opens a transaction that holds a lock named by <c>(purpose, id)</c> until it ends:
/// on PostgreSQL a transaction-scoped advisory lock, so other app instances wait too; on SQLite the immediate
/// transaction's database write lock (a single writer). Reads made after this call see every write committed
/// by the previous holder. Inside a transaction that is already open, the lock joins it and the caller's
/// transaction decides; <see cref="Serialised.CommitAsync"/> then leaves the commit to its owner.</summary>
public static class SerialisedWrites
{
    public static async Task<Serialised> BeginSerialisedAsync(this SpeciosaDbContext db, string purpose, string id, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey(purpose, id)})", ct);
            }
        }
        catch
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }

            throw;
        }

        return new Serialised(own);
    }

    /// <summary>A stable 64-bit key for the advisory lock (the same in every instance and every run).</summary>
    public static long LockKey(string purpose, string id) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(purpose + "\n" + id)), 0);
}

/// <summary>A serialised unit of work; disposing it without <see cref="CommitAsync"/> rolls back.</summary>
public sealed class Serialised(IDbContextTransaction? own) : IAsyncDisposable
{
    public async Task CommitAsync(CancellationToken ct)
    {
        if (own is not null)
        {
            await own.CommitAsync(ct);
        }
    }

    public ValueTask DisposeAsync() => own?.DisposeAsync() ?? ValueTask.CompletedTask;
}
