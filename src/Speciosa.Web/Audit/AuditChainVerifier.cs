using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;

namespace Speciosa.Web.Audit;

/// <summary>Where the chain first breaks, in words an administrator can act on.</summary>
public sealed record AuditChainBreak(long Sequence, long? EntryId, string Problem);

public sealed record AuditChainReport(bool Intact, long EntriesChecked, AuditChainBreak? FirstBreak);

/// <summary>Walks the audit log in sequence order and reports the first edited, inserted or deleted row.</summary>
public sealed class AuditChainVerifier(SpeciosaDbContext db)
{
    public async Task<AuditChainReport> VerifyAsync(CancellationToken ct = default)
    {
        long expected = 1;
        var previousHash = AuditHash.Genesis;
        long checkedCount = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (entry.Sequence != expected)
            {
                var problem = entry.Sequence > expected
                    ? $"Entries {expected}–{entry.Sequence - 1} are missing (deleted)."
                    : $"Sequence {entry.Sequence} appears where {expected} was expected (inserted or renumbered).";
                return Broken(checkedCount, Math.Min(expected, entry.Sequence), entry.Id, problem);
            }

            if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                return Broken(checkedCount, entry.Sequence, entry.Id,
                    "Its previous-hash does not match the entry before it (a row was inserted, replaced or deleted before it).");
            }

            if (!string.Equals(entry.Hash, AuditHash.Compute(entry), StringComparison.Ordinal))
            {
                return Broken(checkedCount, entry.Sequence, entry.Id, "Its content does not match its hash (the row was edited).");
            }

            previousHash = entry.Hash;
            expected++;
            checkedCount++;
        }

        return new AuditChainReport(true, checkedCount, null);
    }

    private static AuditChainReport Broken(long checkedCount, long sequence, long? id, string problem) =>
        new(false, checkedCount, new AuditChainBreak(sequence, id, problem));
}
