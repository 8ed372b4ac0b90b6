using System.Globalization;
using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Jurisdictions;

/// <summary>Re-decides the law for one patient: when their address changes, and each day (so an entry that reaches its
/// effective date, or a temporary rule that ends, reaches the patients it affects). Pure: the registry and the day are passed in.</summary>
public static class PatientLegalReview
{
    public const string SupplyConditionKey = "jurisdiction:supply-not-allowed";
    public const string InForceConditionPrefix = "jurisdiction:in-force/";
    public const string MovedConditionPrefix = "jurisdiction:moved/";

    /// <summary>Days looked back for an entry that came into force: the periodic check finds a change it missed while the
    /// service was down for up to this long.</summary>
    public const int DefaultLookbackDays = 7;

    /// <summary>The supply-not-allowed alert when the decision for this patient (without a lot) refuses; else nothing,
    /// which clears an earlier one on reconciliation.</summary>
    public static IReadOnlyList<Alert> SupplyAlerts(ApplicableLegalStatus applicable, PatientLocation location, PatientCircumstances patient, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(applicable);
        var decision = LegalEnforcement.Decide(applicable, patient, today);
        if (decision.Outcome != EnforcementOutcome.Refuse)
        {
            return [];
        }

        var inputs = new List<AlertInput> { new("Location", location.ToString()), new("Legal status", applicable.Status.ToString()), new("Evaluated on", Day(today)) };
        inputs.AddRange(decision.Refusals.Select(r => new AlertInput("Refusal", r.Text)));
        inputs.AddRange(Sources(applicable.Entry));
        return
        [
            new Alert(
                JurisdictionAlertRules.SupplyNotAllowed,
                SupplyConditionKey,
                $"The law at {location} does not allow kratom supply for this patient: {string.Join(" ", decision.Refusals.Select(r => r.Text))} Staff doses and new orders are refused until this changes; review the patient's care plan.",
                inputs,
                "legal decision for this patient (without a lot) is Refuse"),
        ];
    }

    /// <summary>An alert when the entry in force at the patient's location today differs from the one in force
    /// <paramref name="lookbackDays"/> days ago (an entry reached its effective date, or a temporary rule ended). The
    /// condition key names the entry now in force, so each change alerts once.</summary>
    public static Alert? CameIntoForce(
        IReadOnlyCollection<JurisdictionEntry> registry, PatientLocation location, DateOnly today,
        int staleAfterDays = LegalStatusEvaluator.DefaultStaleAfterDays, int lookbackDays = DefaultLookbackDays)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var before = LegalStatusEvaluator.Evaluate(registry, location, today.AddDays(-lookbackDays), staleAfterDays);
        var after = LegalStatusEvaluator.Evaluate(registry, location, today, staleAfterDays);
        if (before.Entry?.Id == after.Entry?.Id)
        {
            return null;
        }

        var changed = after.Entry ?? before.Entry!;
        var what = after.Entry is { } entry
            ? $"Entry '{entry.Id}' took effect on {entry.Effective} at {entry.Place}: {JurisdictionWordsFor(entry)}."
            : $"Entry '{before.Entry!.Id}' ended on {(before.Entry.EndsOn is { } end ? Day(end) : "an unstated day")} at {before.Entry.Place}; nothing replaces it.";
        var inputs = new List<AlertInput>
        {
            new("Location", location.ToString()),
            new("Status before", Describe(before)),
            new("Status now", Describe(after)),
            new("Evaluated on", Day(today)),
        };
        inputs.AddRange(Sources(changed));
        return new Alert(
            after.Status == LegalStatus.Banned ? JurisdictionAlertRules.NowBanned : JurisdictionAlertRules.EntryInForce,
            InForceConditionPrefix + (after.Entry?.Id ?? "ended:" + before.Entry!.Id),
            $"{what} Legal status at {location} changed from {before.Status} to {after.Status}. {after.Explanation}",
            inputs,
            $"entry in force today differs from the one in force {lookbackDays} days ago");
    }

    /// <summary>An alert when the patient's address changed and the status that applies changed with it.</summary>
    public static Alert? Moved(ApplicableLegalStatus before, PatientLocation from, ApplicableLegalStatus after, PatientLocation to)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.Status == after.Status && before.Entry?.Id == after.Entry?.Id)
        {
            return null;
        }

        var inputs = new List<AlertInput>
        {
            new("Address before", from.ToString()),
            new("Address now", to.ToString()),
            new("Status before", Describe(before)),
            new("Status now", Describe(after)),
        };
        inputs.AddRange(Sources(after.Entry));
        return new Alert(
            after.Status == LegalStatus.Banned ? JurisdictionAlertRules.NowBanned : JurisdictionAlertRules.LegalStatusChanged,
            MovedConditionPrefix + to.ToString() + "/" + after.Status,
            $"The patient's address changed from {from} to {to}: the legal status that applies changed from {before.Status} to {after.Status}. {after.Explanation}",
            inputs,
            "applicable legal status at the new address differs from the old one");
    }

    private static string JurisdictionWordsFor(JurisdictionEntry entry) => $"{entry.Status} ({entry.StatusText})";

    private static IEnumerable<AlertInput> Sources(JurisdictionEntry? entry) =>
        entry?.Sources.Select(s => new AlertInput("Source", s.Url is null ? s.Citation : $"{s.Citation} {s.Url}")) ?? [];

    private static string Describe(ApplicableLegalStatus applicable) =>
        applicable.Entry is { } entry ? $"{applicable.Status} (entry '{entry.Id}', effective {entry.Effective})" : applicable.Status.ToString();

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
