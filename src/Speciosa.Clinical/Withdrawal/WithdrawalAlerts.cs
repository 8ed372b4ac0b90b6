using System.Globalization;
using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Withdrawal.Course;
using Speciosa.Clinical.Withdrawal.Instruments;

namespace Speciosa.Clinical.Withdrawal;

/// <summary>Evaluates the withdrawal alert rules for one scored assessment in its episode.</summary>
public static class WithdrawalAlerts
{
    /// <summary>Alerts raised by a COWS score taken at <paramref name="assessedAt"/>; other instruments raise none (SOWS has no
    /// validated bands). COWS &gt; 36 is severe; 25-36 raises the moderately-severe prompt whatever the course (audit E17).
    /// Time-based rules need the episode's expected course and are skipped where it (or its window) is unknown.
    /// Condition keys are "{episodeKey}/{rule id}" so one alert stays open per episode and rule.</summary>
    public static IReadOnlyList<Alert> Evaluate(
        string episodeKey, InstrumentScore score, DateTimeOffset assessedAt, ExpectedCourse? course)
    {
        ArgumentNullException.ThrowIfNull(score);
        if (score.InstrumentId != InstrumentCatalog.CowsId)
        {
            return [];
        }

        var alerts = new List<Alert>();
        var scoreInputs = new List<AlertInput>
        {
            new("COWS total", score.Total.ToString(CultureInfo.InvariantCulture)),
            new("COWS band", score.BandLabel ?? "none"),
            new("Instrument", $"{score.InstrumentId} v{score.InstrumentVersion}"),
            new("Assessed at", Iso(assessedAt)),
        };

        if (score.Total > WithdrawalAlertRules.CowsSevereAbove)
        {
            alerts.Add(new Alert(WithdrawalAlertRules.CowsSevere, Key(episodeKey, WithdrawalAlertRules.CowsSevere),
                $"COWS total {score.Total} is in the severe band.", scoreInputs,
                $"COWS total > {WithdrawalAlertRules.CowsSevereAbove}"));
        }

        else if (score.Total >= WithdrawalAlertRules.CowsModeratelySevereFrom)
        {
            alerts.Add(new Alert(WithdrawalAlertRules.CowsModeratelySevere, Key(episodeKey, WithdrawalAlertRules.CowsModeratelySevere),
                $"COWS total {score.Total} is in the moderately severe band (25-36). Clinician review now, whatever the expected course: " +
                "symptom relief, the withdrawal plan and whether the patient is using other opioids or stopped kratom abruptly.",
                scoreInputs, $"COWS total ≥ {WithdrawalAlertRules.CowsModeratelySevereFrom} and ≤ {WithdrawalAlertRules.CowsSevereAbove}"));
        }

        if (course?.Peak is { } peak && assessedAt > peak.To && score.Total >= WithdrawalAlertRules.CowsModeratelySevereFrom)
        {
            alerts.Add(new Alert(WithdrawalAlertRules.CowsModeratelySevereAfterPeak,
                Key(episodeKey, WithdrawalAlertRules.CowsModeratelySevereAfterPeak),
                $"COWS total {score.Total} is moderately severe or worse after the expected peak window " +
                $"of {course.Class.Name} ended{UnconfirmedSuffix(peak)}.",
                [.. scoreInputs, .. CourseInputs(course, "Expected peak window ends", peak)],
                $"COWS total ≥ {WithdrawalAlertRules.CowsModeratelySevereFrom} after {peak.Figures.ToHours} h from last use"));
        }

        if (course?.AcuteEnd is { } end && assessedAt > end.To && score.Total >= WithdrawalAlertRules.CowsModerateFrom)
        {
            alerts.Add(new Alert(WithdrawalAlertRules.CowsModeratePastDuration,
                Key(episodeKey, WithdrawalAlertRules.CowsModeratePastDuration),
                $"COWS total {score.Total} is moderate or worse past the expected duration " +
                $"of {course.Class.Name} withdrawal{UnconfirmedSuffix(end)}.",
                [.. scoreInputs, .. CourseInputs(course, "Expected acute withdrawal ends by", end)],
                $"COWS total ≥ {WithdrawalAlertRules.CowsModerateFrom} after {end.Figures.ToHours} h from last use"));
        }

        return alerts;
    }

    private static List<AlertInput> CourseInputs(ExpectedCourse course, string windowName, CourseWindow window) =>
    [
        new("Last use", Iso(course.LastUse)),
        new("Course class", course.Class.Id),
        new(windowName, Iso(window.To)),
        new("Course figures", window.Figures.Basis + (window.Figures.Unconfirmed ? " (UNCONFIRMED)" : "")),
    ];

    private static string UnconfirmedSuffix(CourseWindow window) =>
        window.Figures.Unconfirmed ? " (expected course figures unconfirmed)" : "";

    private static string Key(string episodeKey, AlertRule rule) => $"{episodeKey}/{rule.Id}";

    private static string Iso(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}
