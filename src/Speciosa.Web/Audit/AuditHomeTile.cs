using Speciosa.Web.Components.Home;
using Speciosa.Web.Identity;

namespace Speciosa.Web.Audit;

/// <summary>The administrator's board: the audit chain verified now (<see cref="AuditChainVerifier"/>, the same check as the
/// Audit page's "Verify"), intact or the first break, in words and colour. The number is the entries checked; the log grows with
/// every request, so the Audit page's own count is a little higher by the time it opens.</summary>
public sealed class AuditHomeTile(AuditChainVerifier verifier) : IHomeTile
{
    public int Order => 70;

    public IReadOnlyList<string> Roles { get; } = [SpeciosaRoles.Admin];

    public async Task<HomeTile?> LoadAsync(HomeContext context, CancellationToken ct)
    {
        var report = await verifier.VerifyAsync(ct);
        var label = report.Intact ? "audit entries checked: chain intact" : "audit entries checked: chain BROKEN";
        var rule = report.Intact
            ? "Every row's keyed hash and link checked in sequence, and the log held against the signed checkpoints."
            : $"First break at entry {report.FirstBreak?.Sequence}: {report.FirstBreak?.Problem}";
        return new HomeTile("audit", "Audit log", [
            new HomeCount(label, (int)Math.Min(int.MaxValue, report.EntriesChecked), "/admin/audit?verify=1", rule, "", report.Intact ? null : "critical"),
        ]);
    }
}
