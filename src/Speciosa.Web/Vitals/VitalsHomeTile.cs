using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Vitals;
using Speciosa.Web.Alerts;
using Speciosa.Web.Components.Home;
using Speciosa.Web.Identity;

namespace Speciosa.Web.Vitals;

/// <summary>The board's "tests due or overdue" (issue 15 item 1), ECG part: the ECG prompts (<see cref="VitalAlertRules.EcgNeeded"/>,
/// <see cref="VitalAlertRules.EcgNeededForHighIntake"/>: no ECG within the clinic's interval) that are active on the worklist.</summary>
public sealed class VitalsHomeTile(AlertHomeCounts counts) : IHomeTile
{
    public int Order => 31;

    public IReadOnlyList<string> Roles { get; } = [SpeciosaRoles.Clinician, SpeciosaRoles.Nurse];

    public async Task<HomeTile?> LoadAsync(HomeContext context, CancellationToken ct)
    {
        HomeCount[] rows =
        [
            await Count(context, "ECG needed: QT-prolonging medicine", VitalAlertRules.EcgNeeded,
                "A QT-prolonging medicine (or loperamide) on the list and no ECG within the interval."),
            await Count(context, "ECG needed: high kratom intake", VitalAlertRules.EcgNeededForHighIntake,
                "Intake at or above the clinic's figure and no ECG within the interval."),
        ];
        return new HomeTile(HomeTileIds.TestsDue, "Tests due or overdue", rows);

        Task<HomeCount> Count(HomeContext c, string label, AlertRule rule, string why) =>
            counts.CountAsync(c.User, label, new AlertFilter(Status: "active", Rule: rule.Id), why, null, ct);
    }
}
