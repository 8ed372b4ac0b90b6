using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;

namespace Speciosa.Web.Audit;

/// <summary>Where the chain first breaks, in words an administrator can act on.</summary>
public sealed record AuditChainBreak(long Sequence, long? EntryId, string Problem);

/// <summary>The verifier's answer. <see cref="AnchoredThrough"/> is the newest signed checkpoint's sequence (rows after
/// it are checked by their keyed hashes only, until the next checkpoint).</summary>
public sealed record AuditChainReport(bool Intact, long EntriesChecked, AuditChainBreak? FirstBreak,
    long? AnchoredThrough = null, DateTimeOffset? AnchoredAt = null);

/// <summary>Walks the audit log in sequence order and reports the first edited, inserted, forged or deleted row
/// (each row's hash is keyed, so a row written without the key fails), then holds the log against the signed
/// checkpoints kept outside the database (<see cref="AuditAnchors"/>): newest rows removed, rows rewritten and
/// re-hashed, or every row deleted.</summary>
public sealed class AuditChainVerifier(SpeciosaDbContext db, AuditSeal seal, AuditAnchors anchors)
{
    public async Task<AuditChainReport> VerifyAsync(CancellationToken ct = default)
    {
        var reading = anchors.Read();
        // Several instances sharing one anchor file may each checkpoint the same head, so a sequence can appear more
        // than once; every checkpoint of a sequence must match the row.
        var anchored = reading.Checkpoints.ToLookup(c => c.Sequence, c => c.Hash);
        var newest = reading.Checkpoints.MaxBy(c => c.Sequence);
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
                return Broken(checkedCount, Math.Min(expected, entry.Sequence), entry.Id, problem, newest);
            }

            if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                return Broken(checkedCount, entry.Sequence, entry.Id,
                    "Its previous-hash does not match the entry before it (a row was inserted, replaced or deleted before it).", newest);
            }

            if (!string.Equals(entry.Hash, seal.Hash(entry), StringComparison.Ordinal))
            {
                return Broken(checkedCount, entry.Sequence, entry.Id,
                    "Its content does not match its hash (the row was edited, or written by someone without the audit key).", newest);
            }

            if (anchored[entry.Sequence].Any(anchoredHash => !string.Equals(anchoredHash, entry.Hash, StringComparison.Ordinal)))
            {
                return Broken(checkedCount, entry.Sequence, entry.Id,
                    "It differs from the entry a signed checkpoint recorded at this sequence (rows were rewritten and their hashes recomputed).", newest);
            }

            previousHash = entry.Hash;
            expected++;
            checkedCount++;
        }

        if (reading.BadLines.Count > 0)
        {
            return Broken(checkedCount, checkedCount, null,
                $"The checkpoint file {reading.Path} has lines not signed with this installation's key (line {string.Join(", ", reading.BadLines)}): forged or damaged.", newest);
        }

        if (newest is null)
        {
            return Broken(checkedCount, checkedCount, null,
                $"No signed checkpoint was found at {reading.Path}, so removed newest rows or an emptied log could not be detected. " +
                "Checkpoints are written at start and every few minutes; restore the file or check Audit:AnchorPath.", null);
        }

        if (newest.Sequence > checkedCount)
        {
            var problem = checkedCount == 0
                ? $"The log is empty, but a signed checkpoint of {newest.At:u} recorded {newest.Sequence} entries: every entry was deleted."
                : $"Entries {checkedCount + 1}–{newest.Sequence} are missing: a signed checkpoint of {newest.At:u} recorded them (the newest rows were removed).";
            return Broken(checkedCount, checkedCount + 1, null, problem, newest);
        }

        return new AuditChainReport(true, checkedCount, null, newest.Sequence, newest.At);
    }

    private static AuditChainReport Broken(long checkedCount, long sequence, long? id, string problem, AuditCheckpoint? newest) =>
        new(false, checkedCount, new AuditChainBreak(sequence, id, problem), newest?.Sequence, newest?.At);
}
