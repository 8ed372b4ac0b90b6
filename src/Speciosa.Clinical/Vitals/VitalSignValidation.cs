using System.Globalization;

namespace Speciosa.Clinical.Vitals;

/// <summary>Checks a set of vital signs before it is stored: each value within its accepted range (keyed by the
/// request field, saying the range and unit), blood pressure as a pair with the systolic above the diastolic, a POSS
/// level that exists, at least one observation, and a time not in the future.</summary>
public static class VitalSignValidation
{
    public static Dictionary<string, string[]> Validate(VitalSignReading reading, DateTimeOffset takenAt, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var catalogue = VitalSignCatalogue.Default;
        if (reading.IsEmpty)
        {
            errors["observations"] = ["Enter at least one observation: heart rate, blood pressure, respiratory rate, SpO2, temperature or POSS."];
            return errors;
        }

        Check(errors, catalogue.Get("heartRateBpm"), reading.HeartRateBpm);
        Check(errors, catalogue.Get("systolicMmHg"), reading.SystolicMmHg);
        Check(errors, catalogue.Get("diastolicMmHg"), reading.DiastolicMmHg);
        Check(errors, catalogue.Get("respiratoryRatePerMin"), reading.RespiratoryRatePerMin);
        Check(errors, catalogue.Get("spo2Percent"), reading.Spo2Percent);
        Check(errors, catalogue.Get("temperatureCelsius"), reading.TemperatureCelsius);

        if (reading.SystolicMmHg is null != reading.DiastolicMmHg is null)
        {
            var missing = reading.SystolicMmHg is null ? "systolicMmHg" : "diastolicMmHg";
            errors.TryAdd(missing, ["Blood pressure needs both the systolic and the diastolic value (mmHg)."]);
        }
        else if (reading.SystolicMmHg is { } sys && reading.DiastolicMmHg is { } dia && !errors.ContainsKey("systolicMmHg")
            && !errors.ContainsKey("diastolicMmHg") && dia >= sys)
        {
            errors["diastolicMmHg"] = [$"The diastolic pressure must be below the systolic ({sys} mmHg)."];
        }

        if (!string.IsNullOrWhiteSpace(reading.Poss) && catalogue.PossLevelOf(reading.Poss) is null)
        {
            errors["poss"] = [$"A POSS level: {string.Join(", ", catalogue.Poss.Levels.Select(l => $"{l.Level} ({l.Label})"))}."];
        }

        if (takenAt > now.AddMinutes(5))
        {
            errors["takenAt"] = ["The time the observations were taken cannot be in the future."];
        }

        return errors;
    }

    private static void Check(Dictionary<string, string[]> errors, VitalSignDefinition d, decimal? value)
    {
        if (value is not { } v)
        {
            return;
        }

        if (v < d.Min || v > d.Max || decimal.Round(v, d.Decimals) != v)
        {
            var step = d.Decimals == 0 ? "a whole number" : $"a number with up to {d.Decimals} decimal place";
            errors[d.Field] = [$"{d.Name} in {d.UnitLabel}: {step} from {Format(d.Min)} to {Format(d.Max)}."];
        }
    }

    private static string Format(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
