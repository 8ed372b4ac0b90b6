using System.Globalization;

namespace Speciosa.Web.Audit;

/// <summary>What the chain's hash covers: a canonical, line-separated form of every stored field except the row's
/// own id and hash, including the previous row's hash. <see cref="AuditSeal.Hash"/> keys it (HMAC-SHA256).</summary>
public static class AuditHash
{
    public static readonly string Genesis = new('0', 64);

    public static string Canonical(AuditEntry e)
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

        // Rows written before lists recorded whom they showed keep their hash: the field is covered only when present.
        return e.PatientIdsShown is null ? canonical : canonical + "\nshown:" + e.PatientIdsShown;
    }
}
