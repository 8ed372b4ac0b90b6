using System.Globalization;
using Speciosa.Clinical.Treatment;

namespace Speciosa.Web.Treatment;

/// <summary>Configuration section <c>Treatment</c>. None of these figures is published (knowledge/treatment/sources.json:
/// LOCAL-MISSED-DAYS, LOCAL-MOUD-REVIEW, LOCAL-FOLLOW-UP); while the clinic leaves one empty the software's figure applies and
/// pages and alerts say "software default, not a clinic decision".</summary>
public sealed class TreatmentOptions
{
    public const string Section = "Treatment";

    /// <summary>Consecutive days of the order without a recorded dose that warn about loss of tolerance; empty: 3.</summary>
    public int? MissedDaysForToleranceWarning { get; set; }

    /// <summary>Days after which medication for opioid use disorder is due to be discussed again; empty: 90.</summary>
    public int? DecisionReviewDays { get; set; }

    /// <summary>Follow-up contacts after the taper's last day, as days, comma-separated ("3,7,14,28,56,84"); empty: that.</summary>
    public string? FollowUpDays { get; set; }

    public ToleranceSettings Tolerance => MissedDaysForToleranceWarning is > 0 and var n
        ? new ToleranceSettings(n, false) : new ToleranceSettings(ToleranceSettings.SoftwareDefaultMissedDays, true);

    public MoudReviewSettings MoudReview => DecisionReviewDays is > 0 and var n
        ? new MoudReviewSettings(n, false) : new MoudReviewSettings(MoudReviewSettings.SoftwareDefaultReviewDays, true);

    public FollowUpSettings FollowUp
    {
        get
        {
            var days = (FollowUpDays ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(d => int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).Where(n => n is > 0 and <= 3650)
                .Distinct().Order().ToList();
            return days.Count > 0 ? new FollowUpSettings(days, false) : new FollowUpSettings(FollowUpSettings.SoftwareDefaultDays, true);
        }
    }
}
