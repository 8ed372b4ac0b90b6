using System.Globalization;
using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Treatment;

/// <summary>How often medication for opioid use disorder is discussed again; <see cref="IsSoftwareDefault"/> when the clinic
/// has not set it.</summary>
public sealed record MoudReviewSettings(int ReviewDays, bool IsSoftwareDefault)
{
    /// <summary>The software's figure when the clinic sets none (LOCAL-MOUD-REVIEW: not a published interval).</summary>
    public const int SoftwareDefaultReviewDays = 90;
}

/// <summary>SAMHSA TIP 63 and ASAM 2020 (via the clinical audit, section 3.1): medication for opioid use disorder is offered
/// and discussed at enrolment and at each review. Alerts when no decision is recorded since enrolment, or when the newest is
/// older than the configured interval (due on the day the interval has passed: newest + interval &lt; today).</summary>
public static class MoudDecisionReview
{
    public static IReadOnlyList<Alert> Evaluate(Guid patientId, DateOnly enrolledOn, DateOnly? lastDecisionOn, DateOnly today, MoudReviewSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var key = $"patient/{patientId}/treatment:moud-decision";
        var threshold = $"A decision recorded since enrolment, and again every {settings.ReviewDays} days"
            + (settings.IsSoftwareDefault ? " (software default, not a clinic decision; UNCONFIRMED)" : " (clinic configuration; UNCONFIRMED)");
        if (lastDecisionOn is not { } last)
        {
            return
            [
                new Alert(TreatmentAlertRules.MoudDecisionDue, key,
                    "No discussion of medication for opioid use disorder (buprenorphine, methadone, extended-release naltrexone) is recorded "
                    + $"since enrolment on {Iso(enrolledOn)}. Offer and discuss them, and record the patient's decision, the reason and any referral.",
                    [new AlertInput("Enrolled on", Iso(enrolledOn)), new AlertInput("Last decision recorded", "none"), new AlertInput("Today", Iso(today))],
                    threshold),
            ];
        }

        var age = today.DayNumber - last.DayNumber;
        if (age <= settings.ReviewDays)
        {
            return [];
        }

        return
        [
            new Alert(TreatmentAlertRules.MoudDecisionDue, key,
                $"The last discussion of medication for opioid use disorder was on {Iso(last)}, {age} days ago. Offer and discuss the options "
                + "again at this review, and record the decision, the reason and any referral.",
                [new AlertInput("Enrolled on", Iso(enrolledOn)), new AlertInput("Last decision recorded", Iso(last)),
                    new AlertInput("Days since", age.ToString(CultureInfo.InvariantCulture)), new AlertInput("Today", Iso(today))],
                threshold),
        ];
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
