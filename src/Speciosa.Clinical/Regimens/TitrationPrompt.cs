using System.Globalization;
using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Regimens;

/// <summary>The "step due" prompt: a persisted alert while a titration step awaits the clinician's confirmation
/// (<see cref="NextTitrationStep.AwaitingDecision"/>), with the readings behind it and the order's own condition.
/// Condition key <c>dosing:titration-due:{regimen}:step{n}</c>; the caller prefixes the patient.</summary>
public static class TitrationPrompt
{
    public static Alert? For(TitrationStatus status, string regimenKey)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.Next is not { AwaitingDecision: true } next)
        {
            return null;
        }

        var current = status.Current;
        var inputs = new List<AlertInput>
        {
            new("Current step", current is null ? "none" : $"step {current.StepNumber}: {DosingText.Grams(current.GramsPerAdministration)} per administration since {DosingText.Day(current.StartedOn)}"),
            new("Step due", $"step {next.StepNumber}: {DosingText.Grams(next.GramsPerAdministration)} per administration, due {DosingText.Day(next.DueOn)}"),
        };
        inputs.AddRange(next.Readings.Select(r => new AlertInput(
            $"{r.Scale.ToString().ToUpperInvariant()} (staff-rated)", $"{r.Total.ToString(CultureInfo.InvariantCulture)} at {DosingText.Instant(r.TakenAt)}")));
        var condition = next.HoldUntil is { } hold
            ? $"due on {DosingText.Day(next.DueOn)} and {hold} on the latest staff-rated reading (the order's condition)"
            : $"due on {DosingText.Day(next.DueOn)} (the order's interval)";
        return new Alert(
            DosingAlertRules.TitrationStepDue,
            $"dosing:titration-due:{regimenKey}:step{next.StepNumber}",
            $"Titration step {next.StepNumber} ({DosingText.Grams(next.GramsPerAdministration)} per administration) is due and waits for a clinician to confirm or decline it; the limit stays at the current step until then.",
            inputs,
            condition);
    }
}
