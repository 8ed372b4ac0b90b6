using System.Globalization;
using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Liver;

/// <summary>The liver monitoring schedule while a patient is on kratom: a baseline panel, the first panel after starting
/// <c>firstPanelWeeks</c> weeks in (default 2: the median latency of kratom liver injury is 14 days in the DILIN series,
/// Ahmad 2021 [KS-S7], and 20.6 days in Schimmel &amp; Dart 2020; audit E14), then a panel every <c>everyWeeks</c> weeks
/// (clinic configuration). Time-based: evaluated by the periodic job and again whenever a
/// panel is recorded, so an overdue alert clears once the panel arrives.</summary>
public static class LiverMonitoring
{
    /// <summary>The interval is the clinic's choice; the rationale is LiverTox's onset window of 1-8 weeks
    /// [KS-S2][KS-S3]. No published monitoring schedule for kratom is in the reference.</summary>
    public static Source Schedule { get; } = new(
        "LOCAL-LIVER-MONITORING",
        "Clinic-configured liver panel schedule. First panel after starting: 2 weeks by default, because the median latency of kratom " +
        "liver injury is 14 days in the DILIN series (Ahmad J et al. Drug Alcohol Depend 2021;218:108426 [KS-S7]; 20.6 days in Schimmel & Dart 2020). " +
        "Later interval: LiverTox (NBK548231) reports onset about 1-8 weeks after starting regular use [KS-S2][KS-S3]; no published " +
        "monitoring schedule for kratom exists, so both are configuration.",
        "https://www.ncbi.nlm.nih.gov/books/NBK548231/",
        Unconfirmed: true);

    public static AlertRule BaselineMissing { get; } =
        new("liver.baseline-panel-missing", 1, AlertSeverity.Warning, "No baseline liver panel on a kratom regimen", Schedule);

    /// <summary>v2: the first panel after starting falls due after <c>firstPanelWeeks</c> (audit E14), not a full interval.</summary>
    public static AlertRule PanelOverdue { get; } =
        new("liver.panel-overdue", 2, AlertSeverity.Warning, "Liver panel overdue on a kratom regimen", Schedule);

    public static IReadOnlyList<AlertRule> All { get; } = [BaselineMissing, PanelOverdue];

    /// <summary>Default weeks from the start of a kratom regimen to the first panel on it (DILIN median latency 14 d [KS-S7]).</summary>
    public const int DefaultFirstPanelWeeks = 2;

    /// <summary>Alerts for the schedule at <paramref name="now"/>. <paramref name="panels"/> are collection times
    /// with the baseline flag. Nothing is due without a regimen start. The first panel after the start is due
    /// <paramref name="firstPanelWeeks"/> weeks in; each later one <paramref name="everyWeeks"/> after the last.</summary>
    public static IReadOnlyList<Alert> Evaluate(
        DateTimeOffset? regimenStart, IReadOnlyList<(DateTimeOffset CollectedAt, bool Baseline)> panels, int everyWeeks, DateTimeOffset now,
        int firstPanelWeeks = DefaultFirstPanelWeeks)
    {
        if (regimenStart is not { } start || everyWeeks < 1 || firstPanelWeeks < 1)
        {
            return [];
        }

        var alerts = new List<Alert>();
        var inputs = new List<AlertInput>
        {
            new("Kratom regimen started", Iso(start)),
            new("First panel after starting", firstPanelWeeks.ToString(CultureInfo.InvariantCulture) + " weeks (configuration; median latency of kratom liver injury 14 days, DILIN)"),
            new("Interval", everyWeeks.ToString(CultureInfo.InvariantCulture) + " weeks (clinic configuration)"),
        };
        if (!panels.Any(p => p.Baseline || p.CollectedAt <= start))
        {
            alerts.Add(new Alert(BaselineMissing, "liver:monitoring:baseline",
                "No baseline liver panel is recorded for this kratom regimen. Collect ALT, AST, ALP, total bilirubin (and GGT, INR as the clinic requires).",
                inputs, "A baseline panel (flagged, or collected before the regimen started)"));
        }

        // A panel collected after the start counts (a baseline drawn at the start does not stand for the first panel on it).
        var onRegimen = panels.Where(p => p.CollectedAt > start && !p.Baseline).Select(p => (DateTimeOffset?)p.CollectedAt).Max();
        var due = onRegimen is { } latest ? latest.AddDays(7 * everyWeeks) : start.AddDays(7 * firstPanelWeeks);
        if (now > due)
        {
            alerts.Add(new Alert(PanelOverdue, "liver:monitoring:overdue",
                onRegimen is null
                    ? $"First liver panel on the kratom regimen overdue since {Iso(due)} ({firstPanelWeeks} weeks after starting; the median latency of kratom liver injury is 14 days in the DILIN series)."
                    : $"Liver panel overdue since {Iso(due)} ({everyWeeks}-weekly while on kratom).",
                [.. inputs, new("Last panel on the regimen", onRegimen is { } l ? Iso(l) : "none"), new("Due", Iso(due))],
                onRegimen is null
                    ? $"A first panel within {firstPanelWeeks} weeks of starting a kratom regimen"
                    : $"A panel at least every {everyWeeks} weeks while on a kratom regimen"));
        }

        return alerts;
    }

    private static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);
}
