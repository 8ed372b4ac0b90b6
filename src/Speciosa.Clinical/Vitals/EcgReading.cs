namespace Speciosa.Clinical.Vitals;

/// <summary>An ECG's QTc as the ECG (or its reader) gave it, in ms, with the correction formula named (never
/// recomputed), and optionally the uncorrected QT and the heart rate.</summary>
public sealed record EcgReading(int? QtcMs, string? CorrectionFormula, int? QtMs = null, int? HeartRateBpm = null);

/// <summary>Checks an ECG before it is stored (400 keyed by the request field).</summary>
public static class EcgValidation
{
    public static Dictionary<string, string[]> Validate(EcgReading ecg, DateTimeOffset takenAt, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var heart = HeartCatalogue.Default;
        if (ecg.QtcMs is not { } qtc || qtc < heart.QtcRangeMs.Min || qtc > heart.QtcRangeMs.Max)
        {
            errors["qtcMs"] = [$"The QTc in milliseconds as the ECG gives it: a whole number from {heart.QtcRangeMs.Min} to {heart.QtcRangeMs.Max}."];
        }

        if (heart.FormulaOf(ecg.CorrectionFormula) is null)
        {
            errors["correctionFormula"] = [$"The correction formula the QTc was computed with: {string.Join(", ", heart.CorrectionFormulas.Select(f => $"{f.Id} ({f.Name})"))}."];
        }

        if (ecg.QtMs is { } qt && (qt < 150 || qt > 800))
        {
            errors["qtMs"] = ["The uncorrected QT in milliseconds: a whole number from 150 to 800, or leave it out."];
        }

        var hr = VitalSignCatalogue.Default.Get("heartRateBpm");
        if (ecg.HeartRateBpm is { } bpm && (bpm < hr.Min || bpm > hr.Max))
        {
            errors["heartRateBpm"] = [$"The heart rate on the ECG in beats a minute: a whole number from {hr.Min} to {hr.Max}, or leave it out."];
        }

        if (takenAt > now.AddMinutes(5))
        {
            errors["takenAt"] = ["The time the ECG was taken cannot be in the future."];
        }

        return errors;
    }
}
