namespace Speciosa.Clinical.Jurisdictions;

/// <summary>An active patient and what the law may ask about them.</summary>
public sealed record RegistryPatient(string PatientId, PatientLocation Location, PatientCircumstances Circumstances);

/// <summary>What a registry change does to one active patient: the status or entry that applies changes
/// (<see cref="StatusChange"/>, alerted as before), and whether supply without a lot is refused before and after
/// (<see cref="LegalEnforcement.Decide"/>; the supply-not-allowed alert is reconciled from it).</summary>
public sealed record RegistryPatientEffect(
    string PatientId,
    PatientLocation Location,
    ApplicableLegalStatus Before,
    ApplicableLegalStatus After,
    LegalStatusChange? StatusChange,
    bool RefusedBefore,
    bool RefusedAfter,
    IReadOnlyList<string> RefusalsAfter)
{
    public bool SupplyChanges => RefusedBefore != RefusedAfter;

    /// <summary>How the patient is affected, in words, for the preview and the proposal.</summary>
    public string How
    {
        get
        {
            var parts = new List<string>();
            if (StatusChange is not null)
            {
                parts.Add(Before.Status == After.Status
                    ? $"another entry applies ('{After.Entry?.Id}' instead of '{Before.Entry?.Id}'), status {After.Status}"
                    : $"legal status {Before.Status} → {After.Status}");
            }

            if (RefusedAfter && !RefusedBefore)
            {
                parts.Add("supply becomes refused: " + string.Join(" ", RefusalsAfter));
            }
            else if (RefusedBefore && !RefusedAfter)
            {
                parts.Add("supply is no longer refused");
            }

            var text = string.Join("; ", parts);
            return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
        }
    }
}

/// <summary>The one computation of who a registry change affects and how (issue 15 item 8): the edit page's preview, the
/// pending proposal and the handler that alerts when the change is applied all call it with the registry before and
/// after, so what an administrator is shown is what happens.</summary>
public static class RegistryChangeEffects
{
    public static IReadOnlyList<RegistryPatientEffect> Assess(
        IReadOnlyCollection<JurisdictionEntry> before,
        IReadOnlyCollection<JurisdictionEntry> after,
        IReadOnlyCollection<RegistryPatient> patients,
        DateOnly today,
        int staleAfterDays = LegalStatusEvaluator.DefaultStaleAfterDays)
    {
        ArgumentNullException.ThrowIfNull(patients);
        var statusChanges = LegalStatusChangeImpact.Assess(
                before, after, patients.Select(p => new ActivePatientLocation(p.PatientId, p.Location)), today, staleAfterDays)
            .ToDictionary(c => c.PatientId, StringComparer.Ordinal);
        // Many patients share a place: evaluate each distinct place once.
        var byPlace = new Dictionary<PatientLocation, (ApplicableLegalStatus Was, ApplicableLegalStatus Now)>();
        var effects = new List<RegistryPatientEffect>();
        foreach (var patient in patients)
        {
            if (!byPlace.TryGetValue(patient.Location, out var pair))
            {
                pair = (LegalStatusEvaluator.Evaluate(before, patient.Location, today, staleAfterDays),
                        LegalStatusEvaluator.Evaluate(after, patient.Location, today, staleAfterDays));
                byPlace[patient.Location] = pair;
            }

            var (was, now) = pair;
            var decisionBefore = LegalEnforcement.Decide(was, patient.Circumstances, today);
            var decisionAfter = LegalEnforcement.Decide(now, patient.Circumstances, today);
            var refusedBefore = decisionBefore.Outcome == EnforcementOutcome.Refuse;
            var refusedAfter = decisionAfter.Outcome == EnforcementOutcome.Refuse;
            var statusChange = statusChanges.GetValueOrDefault(patient.PatientId);
            if (statusChange is null && refusedBefore == refusedAfter)
            {
                continue;
            }

            effects.Add(new RegistryPatientEffect(patient.PatientId, patient.Location, was, now, statusChange, refusedBefore, refusedAfter,
                decisionAfter.Refusals.Select(r => r.Text).ToList()));
        }

        return effects;
    }
}
