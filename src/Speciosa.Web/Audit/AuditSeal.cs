using System.Security.Cryptography;
using System.Text;
using Speciosa.Web.Data;

namespace Speciosa.Web.Audit;

/// <summary>
/// The audit trail's keys, derived (HKDF-SHA256) from the key-ring key, which is not in the database: one keys the
/// chain's row hashes, so a row written or re-hashed by someone holding only the database fails verification; the
/// other signs the checkpoints written outside the database (<see cref="AuditAnchors"/>). The key is looked up on first
/// use, so start-up's own check reports a missing key once, in its words.
/// </summary>
public sealed class AuditSeal(IServiceProvider services)
{
    private readonly Lazy<(byte[] Chain, byte[] Anchor)> keys = new(() =>
    {
        var root = services.GetRequiredService<KeyRingKey>().Bytes;
        return (HKDF.DeriveKey(HashAlgorithmName.SHA256, root, 32, info: Encoding.ASCII.GetBytes("speciosa audit chain v1")),
            HKDF.DeriveKey(HashAlgorithmName.SHA256, root, 32, info: Encoding.ASCII.GetBytes("speciosa audit anchor v1")));
    });

    /// <summary>The keyed hash of an entry's canonical form (<see cref="AuditHash.Canonical"/>).</summary>
    public string Hash(AuditEntry entry) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(keys.Value.Chain, Encoding.UTF8.GetBytes(AuditHash.Canonical(entry))));

    public string SignCheckpoint(string payload) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(keys.Value.Anchor, Encoding.UTF8.GetBytes(payload)));

    public bool CheckpointSignatureMatches(string payload, string signature)
    {
        var expected = Encoding.ASCII.GetBytes(SignCheckpoint(payload));
        var given = Encoding.ASCII.GetBytes(signature);
        return expected.Length == given.Length && CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
