using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Liver;
using Speciosa.Web.Alerts;
using Speciosa.Web.Components.Home;
using Speciosa.Web.Identity;

namespace Speciosa.Web.Liver;

/// <summary>The board's "tests due or overdue" (issue 15 item 1), liver part: what the liver monitoring schedule
/// (<see cref="LiverMonitoring"/>: baseline panel, first panel after the start, then every interval; evaluated by the sweep and on
/// every panel) and the repeat rule (<see cref="LiverAlertRules.AminotransferaseAbove3"/>: ALT or AST above 3 × ULN, repeat within
/// 48–72 h, FDA 2009) have raised and nobody has resolved: the worklist's active alerts of those rules.</summary>
public sealed class LiverHomeTile(AlertHomeCounts counts) : IHomeTile
{
    public int Order => 30;

    public IReadOnlyList<string> Roles { get; } = [SpeciosaRoles.Clinician, SpeciosaRoles.Nurse];

    public async Task<HomeTile?> LoadAsync(HomeContext context, CancellationToken ct)
    {
        HomeCount[] rows =
        [
            await Count(context, "Baseline liver panel missing", LiverMonitoring.BaselineMissing,
                "On a kratom regimen with no baseline liver panel (liver monitoring schedule)."),
            await Count(context, "Liver panel due or overdue", LiverMonitoring.PanelOverdue,
                "The first panel after the start, or the next one of the interval, has fallen due (liver monitoring schedule; the clinic's weeks)."),
            await Count(context, "Liver tests to repeat within 48–72 h", LiverAlertRules.AminotransferaseAbove3,
                "ALT or AST above 3 × ULN on the newest panel (FDA 2009 premarketing DILI guidance)."),
        ];
        return new HomeTile(HomeTileIds.TestsDue, "Tests due or overdue", rows,
            "Each is an active alert (open or acknowledged) on the worklist; it clears when the result is recorded.");

        Task<HomeCount> Count(HomeContext c, string label, AlertRule rule, string why) =>
            counts.CountAsync(c.User, label, new AlertFilter(Status: "active", Rule: rule.Id), why, null, ct);
    }
}
