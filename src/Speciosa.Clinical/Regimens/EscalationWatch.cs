using System.Globalization;
using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Regimens;

/// <summary>Escalation and dependence watch. Conventions:
/// <list type="bullet">
/// <item><c>asOf</c> is the last clinic day counted in full (the caller passes yesterday for a nightly run).</item>
/// <item>Latest window: the 7 days ending on asOf (asOf − 6 … asOf). Earlier window: the 7 days ending 14 days
/// before (asOf − 20 … asOf − 14). Mean per day over 7 days; days with no logged dose count as zero.</item>
/// <item>Rise = (latest mean − earlier mean) ÷ earlier mean. Alert when the rise is strictly above the configured
/// share. An earlier mean of zero is no baseline: no rise is computed and nothing is raised.</item>
/// <item>Daily use: the run of consecutive days with at least one logged dose ending on asOf. Alert when it is
/// strictly longer than the configured weeks × 7 days and the regimen has no taper plan.</item>
/// </list></summary>
public static class EscalationWatch
{
    public const int WindowGapDays = 14;

    public static EscalationReview Review(
        IReadOnlyList<DoseRecord> doses,
        DateOnly asOf,
        bool hasTaperPlan,
        EscalationSettings settings,
        TimeZoneInfo clinicZone)
    {
        ArgumentNullException.ThrowIfNull(doses);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.RiseShare);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.DailyUseWeeksWithoutTaper);

        var intake = DailyIntake.From(doses, clinicZone).Where(d => d.Day <= asOf).ToList();
        var latest = IntakeWindow.Ending(asOf, intake, settings.Measure);
        var earlier = IntakeWindow.Ending(asOf.AddDays(-WindowGapDays), intake, settings.Measure);
        decimal? rise = earlier.MeanPerDay > 0m ? (latest.MeanPerDay - earlier.MeanPerDay) / earlier.MeanPerDay : null;
        var streak = ConsecutiveDaysOfUse(intake, asOf);

        var alerts = new List<Alert>();
        var unit = settings.Measure == EscalationMeasure.GramsPerDay ? "g a day" : "doses a day";
        if (rise is { } r && r > settings.RiseShare)
        {
            alerts.Add(new Alert(
                DosingAlertRules.Escalation,
                $"dosing:escalation:{settings.Measure}",
                $"Mean {unit} rose {DosingText.Percent(r)} in 14 days: {DosingText.Number(earlier.MeanPerDay)} ({Span(earlier)}) to {DosingText.Number(latest.MeanPerDay)} ({Span(latest)}). Threshold: {settings.RiseShareBasis}, not a validated one.",
                [
                    new AlertInput($"Mean {unit}, {Span(earlier)}", DosingText.Number(earlier.MeanPerDay)),
                    new AlertInput($"Mean {unit}, {Span(latest)}", DosingText.Number(latest.MeanPerDay)),
                    new AlertInput("Rise", DosingText.Percent(r)),
                ],
                $"rise ≤ {DosingText.Percent(settings.RiseShare)} ({settings.RiseShareBasis})"));
        }

        var limitDays = settings.DailyUseWeeksWithoutTaper * 7;
        if (!hasTaperPlan && streak > limitDays)
        {
            alerts.Add(new Alert(
                DosingAlertRules.DailyUseWithoutTaper,
                "dosing:daily-use-without-taper",
                $"Daily use for {streak} consecutive days up to {DosingText.Day(asOf)} with no taper plan (review after {settings.DailyUseWeeksWithoutTaper} weeks: {settings.DailyUseWeeksBasis}).",
                [
                    new AlertInput("Consecutive days of use", streak.ToString(CultureInfo.InvariantCulture)),
                    new AlertInput("Taper plan", "none"),
                ],
                $"daily use ≤ {settings.DailyUseWeeksWithoutTaper} weeks ({limitDays} days) without a taper plan ({settings.DailyUseWeeksBasis})"));
        }

        return new EscalationReview(asOf, settings.Measure, latest, earlier, rise, streak, alerts);
    }

    private static int ConsecutiveDaysOfUse(IReadOnlyList<DailyIntake> intake, DateOnly asOf)
    {
        var used = intake.Where(d => d.Administrations > 0).Select(d => d.Day).ToHashSet();
        var days = 0;
        while (used.Contains(asOf.AddDays(-days)))
        {
            days++;
        }

        return days;
    }

    private static string Span(IntakeWindow window) => $"{DosingText.Day(window.FirstDay)} to {DosingText.Day(window.LastDay)}";
}
