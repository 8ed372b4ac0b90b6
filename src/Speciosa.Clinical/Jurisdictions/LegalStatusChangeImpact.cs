using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Jurisdictions;

/// <summary>After a registry edit or import: which active patients now have a different applicable status or entry,
/// each with an alert naming the old and the new status.</summary>
public static class LegalStatusChangeImpact
{
    public const string ConditionKey = "jurisdiction:legal-status";

    public static IReadOnlyList<LegalStatusChange> Assess(
        IReadOnlyCollection<JurisdictionEntry> before,
        IReadOnlyCollection<JurisdictionEntry> after,
        IEnumerable<ActivePatientLocation> patients,
        DateOnly today,
        int staleAfterDays = LegalStatusEvaluator.DefaultStaleAfterDays)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(patients);

        // Many patients share a place: evaluate each distinct place once.
        var byPlace = new Dictionary<(string, string, string), (ApplicableLegalStatus Before, ApplicableLegalStatus After)>();
        var changes = new List<LegalStatusChange>();
        foreach (var patient in patients)
        {
            var location = patient.Location;
            var key = (Normal(location.Country), Normal(location.Subdivision), Normal(location.Locality));
            if (!byPlace.TryGetValue(key, out var pair))
            {
                pair = (LegalStatusEvaluator.Evaluate(before, location, today, staleAfterDays),
                        LegalStatusEvaluator.Evaluate(after, location, today, staleAfterDays));
                byPlace[key] = pair;
            }

            // A different entry with the same status is a change too (Florida's 400 ppm rule replaced a 1 % one: both 7-OH restricted).
            if (pair.Before.Status != pair.After.Status || pair.Before.Entry?.Id != pair.After.Entry?.Id)
            {
                changes.Add(new LegalStatusChange(patient.PatientId, pair.Before, pair.After, Raise(location, pair.Before, pair.After)));
            }
        }

        return changes;
    }

    private static Alert Raise(PatientLocation location, ApplicableLegalStatus before, ApplicableLegalStatus after)
    {
        var rule = after.Status == LegalStatus.Banned ? JurisdictionAlertRules.NowBanned : JurisdictionAlertRules.LegalStatusChanged;
        var inputs = new List<AlertInput>
        {
            new("Location", location.ToString()),
            new("Status before", Describe(before)),
            new("Status after", Describe(after)),
        };
        inputs.AddRange((after.Entry ?? before.Entry)?.Sources.Select(s => new AlertInput("Source", s.Url is null ? s.Citation : $"{s.Citation} {s.Url}")) ?? []);
        return new Alert(
            rule,
            ConditionKey,
            before.Status == after.Status
                ? $"The law at {location} changed: entry '{after.Entry?.Id}' now applies instead of '{before.Entry?.Id}' (status {after.Status}). {after.Explanation}"
                : $"Legal status at {location} changed from {before.Status} to {after.Status}. {after.Explanation}",
            inputs,
            "applicable legal status or entry differs from the previous registry");
    }

    private static string Describe(ApplicableLegalStatus applicable) =>
        applicable.Entry is { } entry ? $"{applicable.Status} (entry '{entry.Id}', effective {entry.Effective})" : applicable.Status.ToString();

    private static string Normal(string? text) => text?.Trim().ToUpperInvariant() ?? string.Empty;
}
