using System.Globalization;
using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Liver;

/// <summary>The liver monitoring schedule while a patient is on kratom: a baseline panel, then a panel every
/// <c>everyWeeks</c> weeks (clinic configuration). Time-based: evaluated by the periodic job and again whenever a
/// panel is recorded, so an overdue alert clears once the panel arrives.</summary>
public static class LiverMonitoring
{
    /// <summary>The interval is the clinic's choice; the rationale is LiverTox's onset window of 1-8 weeks
    /// [KS-S2][KS-S3]. No published monitoring schedule for kratom is in the reference.</summary>
    public static Source Schedule { get; } = new(
        "LOCAL-LIVER-MONITORING",
        "Clinic-configured liver panel interval. Rationale: LiverTox (NBK548231) reports kratom liver injury with onset about 1-8 weeks " +
        "after starting regular use [KS-S2][KS-S3]; the reference gives no published monitoring schedule, so the interval is configuration.",
        "https://www.ncbi.nlm.nih.gov/books/NBK548231/",
        Unconfirmed: true);

    public static AlertRule BaselineMissing { get; } =
        new("liver.baseline-panel-missing", 1, AlertSeverity.Warning, "No baseline liver panel on a kratom regimen", Schedule);

    public static AlertRule PanelOverdue { get; } =
        new("liver.panel-overdue", 1, AlertSeverity.Warning, "Liver panel overdue on a kratom regimen", Schedule);

    public static IReadOnlyList<AlertRule> All { get; } = [BaselineMissing, PanelOverdue];

    /// <summary>Alerts for the schedule at <paramref name="now"/>. <paramref name="panels"/> are collection times
    /// with the baseline flag. Nothing is due without a regimen start.</summary>
    public static IReadOnlyList<Alert> Evaluate(
        DateTimeOffset? regimenStart, IReadOnlyList<(DateTimeOffset CollectedAt, bool Baseline)> panels, int everyWeeks, DateTimeOffset now)
    {
        if (regimenStart is not { } start || everyWeeks < 1)
        {
            return [];
        }

        var alerts = new List<Alert>();
        var inputs = new List<AlertInput>
        {
            new("Kratom regimen started", Iso(start)),
            new("Interval", everyWeeks.ToString(CultureInfo.InvariantCulture) + " weeks (clinic configuration)"),
        };
        if (!panels.Any(p => p.Baseline || p.CollectedAt <= start))
        {
            alerts.Add(new Alert(BaselineMissing, "liver:monitoring:baseline",
                "No baseline liver panel is recorded for this kratom regimen. Collect ALT, AST, ALP, total bilirubin (and GGT, INR as the clinic requires).",
                inputs, "A baseline panel (flagged, or collected before the regimen started)"));
        }

        var latest = panels.Where(p => p.CollectedAt >= start).Select(p => (DateTimeOffset?)p.CollectedAt).Max() ?? start;
        var due = latest.AddDays(7 * everyWeeks);
        if (now > due)
        {
            alerts.Add(new Alert(PanelOverdue, "liver:monitoring:overdue",
                $"Liver panel overdue since {Iso(due)} ({everyWeeks}-weekly while on kratom).",
                [.. inputs, new("Last panel on the regimen", latest == start ? "none" : Iso(latest)), new("Due", Iso(due))],
                $"A panel at least every {everyWeeks} weeks while on a kratom regimen"));
        }

        return alerts;
    }

    private static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);
}
