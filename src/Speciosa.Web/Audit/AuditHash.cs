using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Speciosa.Web.Audit;

/// <summary>The chain's hash: SHA-256 over a canonical, line-separated form of every stored field
/// except the row's own id and hash, including the previous row's hash.</summary>
public static class AuditHash
{
    public static readonly string Genesis = new('0', 64);

    public static string Compute(AuditEntry e)
    {
        var canonical = string.Join('\n',
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
            e.UserId?.ToString("N") ?? "",
            e.ClinicId?.ToString("N") ?? "",
            e.Action,
            e.ResourceType,
            e.ResourceId ?? "",
            e.PatientId?.ToString("N") ?? "",
            e.Outcome,
            e.CorrelationId,
            e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
