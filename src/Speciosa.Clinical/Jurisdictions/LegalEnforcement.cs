using System.Globalization;
using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Jurisdictions;

/// <summary>Turns the applicable legal status into a decision for one patient and, optionally, one lot.
/// Refuse: banned, under the minimum age, lot over the 7-OH limit on the limit's own basis, or a condition
/// that excludes a pregnant or breastfeeding patient. Warn and confirm: status unknown, entry stale or
/// unverified, a change announced, or a 7-OH limit the lot's figures cannot be judged against.
/// Without a lot the lot checks are skipped (e.g. at enrolment); with a lot, a missing figure is a warning.</summary>
public static class LegalEnforcement
{
    public static EnforcementDecision Decide(
        ApplicableLegalStatus applicable,
        PatientCircumstances patient,
        DateOnly today,
        LotSevenOhContent? lot = null)
    {
        ArgumentNullException.ThrowIfNull(applicable);
        ArgumentNullException.ThrowIfNull(patient);
        var reasons = new List<EnforcementReason>();
        var entry = applicable.Entry;
        var sources = entry?.Sources ?? [];

        if (entry is null)
        {
            reasons.Add(Warn(EnforcementReasonKind.StatusUnknown, "Legal status unknown here: " + applicable.Explanation, []));
        }
        else
        {
            if (entry.Status == LegalStatus.Banned)
            {
                reasons.Add(Refuse(EnforcementReasonKind.Banned, $"Kratom is banned at {entry.Place}: {entry.StatusText}, effective {entry.Effective}.", sources));
            }

            var age = patient.AgeOn(today);
            if (entry.MinimumAge is { } minimum && age < minimum)
            {
                reasons.Add(Refuse(EnforcementReasonKind.UnderMinimumAge, $"Patient is {age}; the minimum age at {entry.Place} is {minimum}.", sources));
            }

            if (patient.Pregnant && entry.Conditions.Contains(SaleCondition.NoSaleToPregnantWomen))
            {
                reasons.Add(Refuse(EnforcementReasonKind.PregnancyExcluded, $"No sale to pregnant women at {entry.Place}. {entry.ConditionsText}".TrimEnd(), sources));
            }

            if (patient.Breastfeeding && entry.Conditions.Contains(SaleCondition.NoSaleToBreastfeedingWomen))
            {
                reasons.Add(Refuse(EnforcementReasonKind.BreastfeedingExcluded, $"No sale to breastfeeding women at {entry.Place}. {entry.ConditionsText}".TrimEnd(), sources));
            }

            if (lot is not null)
            {
                JudgeLot(entry, lot, reasons);
            }

            if (entry.NeedsConfirmation)
            {
                reasons.Add(Warn(EnforcementReasonKind.EntryUnverified, $"The entry for {entry.Place} rests on secondary sources that do not confirm every part of it: check it against the statute or rule text before relying on it. {entry.Note}".TrimEnd(), sources));
            }

            if (applicable.IsStale)
            {
                reasons.Add(Warn(EnforcementReasonKind.EntryStale, $"The entry for {entry.Place} was last verified {applicable.DaysSinceVerified} days ago, on {Day(entry.LastVerified)}: re-check it.", sources));
            }
        }

        if (applicable.Announced is { } next)
        {
            reasons.Add(Warn(EnforcementReasonKind.ChangeAnnounced, $"Change announced at {next.Place}: {next.Status} ({next.StatusText}) from {next.Effective}.", next.Sources));
        }

        var outcome = reasons.Any(r => r.Refuses) ? EnforcementOutcome.Refuse
            : reasons.Count > 0 ? EnforcementOutcome.WarnAndConfirm
            : EnforcementOutcome.Allow;
        return new EnforcementDecision(outcome, reasons.OrderByDescending(r => r.Refuses).ToList(), applicable);
    }

    private static void JudgeLot(JurisdictionEntry entry, LotSevenOhContent lot, List<EnforcementReason> reasons)
    {
        if (entry.SevenOhLimit is not { } limit)
        {
            if (entry.Status == LegalStatus.SevenOhRestricted)
            {
                reasons.Add(Warn(EnforcementReasonKind.SevenOhCannotBeJudged, $"7-OH is restricted at {entry.Place} ({entry.StatusText}) without a numeric limit in the registry: confirm this lot is permitted.", entry.Sources));
            }

            return;
        }

        var (share, basisWords) = limit.Basis switch
        {
            SevenOhBasis.ShareOfAlkaloids => (lot.ShareOfAlkaloidsPercent, "share of total alkaloids"),
            SevenOhBasis.ShareOfWeight => (lot.ShareOfWeightPercent, "share of product weight"),
            SevenOhBasis.ShareOfDryWeight => (lot.ShareOfDryWeightPercent, "share of dry weight"),
            _ => ((decimal?)null, "basis the source does not state"),
        };

        if (limit.Basis == SevenOhBasis.ShareOfDryWeight && share is null && lot.ShareOfWeightPercent is { } asIs)
        {
            // Drying only removes weight, so the dry-weight share is at least the as-tested share: an as-tested figure
            // over the limit is over it on a dry-weight basis too; one under it says nothing (the moisture is unknown).
            if (limit.IsExceededBy(asIs))
            {
                reasons.Add(Refuse(EnforcementReasonKind.SevenOhOverLimit, $"Lot 7-OH is {Percent(asIs)} of product weight as tested, so at least that on a dry-weight basis; the limit at {entry.Place} is {limit}.", entry.Sources));
            }
            else
            {
                reasons.Add(Warn(EnforcementReasonKind.SevenOhCannotBeJudged, $"The limit at {entry.Place} is {limit}. The lot's 7-OH is {Percent(asIs)} of product weight as tested, but its dry-weight share (which is higher by the moisture lost on drying) is not known: it cannot be judged.", entry.Sources));
            }

            return;
        }

        if (limit.Basis == SevenOhBasis.Unstated)
        {
            reasons.Add(Warn(EnforcementReasonKind.SevenOhCannotBeJudged, $"The limit at {entry.Place} ({limit}) does not say what it is a share of: the lot cannot be judged against it.", entry.Sources));
        }
        else if (share is not { } value)
        {
            reasons.Add(Warn(EnforcementReasonKind.SevenOhCannotBeJudged, $"The limit at {entry.Place} is {limit}, but the lot's 7-OH {basisWords} is not known: it cannot be judged.", entry.Sources));
        }
        else if (limit.IsExceededBy(value))
        {
            reasons.Add(Refuse(EnforcementReasonKind.SevenOhOverLimit, $"Lot 7-OH is {Percent(value)} ({basisWords}); the limit at {entry.Place} is {limit}.", entry.Sources));
        }
    }

    private static EnforcementReason Refuse(EnforcementReasonKind kind, string text, IReadOnlyList<Source> sources) => new(kind, true, text, sources);

    private static EnforcementReason Warn(EnforcementReasonKind kind, string text, IReadOnlyList<Source> sources) => new(kind, false, text, sources);

    private static string Percent(decimal value) =>
        value.ToString("0.####", CultureInfo.InvariantCulture) + " %" + (value < 0.1m ? $" ({(value * 10_000m).ToString("0.##", CultureInfo.InvariantCulture)} ppm)" : string.Empty);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
