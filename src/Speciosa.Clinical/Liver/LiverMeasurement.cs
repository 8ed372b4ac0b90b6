namespace Speciosa.Clinical.Liver;

/// <summary>A liver result normalised for evaluation. The reported value and unit are kept as reported;
/// <see cref="Value"/> is in the catalogue's evaluation unit (bilirubin in mg/dL). Multiples of ULN are
/// formed in the reported unit, so they do not depend on a conversion factor.</summary>
public sealed record LiverMeasurement(
    LiverTest Test,
    DateTimeOffset CollectedAt,
    decimal ReportedValue,
    string ReportedUnit,
    decimal? ReportedUpperLimitOfNormal,
    decimal Value,
    string Unit,
    UlnOrigin UlnOrigin,
    AcceptedUnit Conversion)
{
    /// <summary>Multiple of ULN, or null when no ULN is known (INR only).</summary>
    public UlnMultiple? TimesUln =>
        ReportedUpperLimitOfNormal is { } uln ? new UlnMultiple(ReportedValue, uln) : null;

    /// <summary>True when the value was converted with a factor the reference does not confirm.</summary>
    public bool ConversionUnconfirmed => Conversion.Unconfirmed;

    /// <summary>Normalises <paramref name="result"/>: checks its unit against the catalogue, takes the ULN
    /// from the result or else the clinic default, converts to the evaluation unit.</summary>
    public static LiverMeasurement From(LiverResult result, ClinicUlnDefaults defaults, LiverTestCatalogue? catalogue = null)
    {
        catalogue ??= LiverTestCatalogue.Default;
        var definition = catalogue.Get(result.Test);
        var unit = catalogue.FindUnit(result.Test, result.Unit)
            ?? throw new ArgumentException(
                $"Unit '{result.Unit}' is not accepted for {result.Test}; expected one of: {string.Join(", ", definition.AcceptedUnits.Select(u => u.Unit))}.",
                nameof(result));
        if (result.Value < 0)
        {
            throw new ArgumentException($"{result.Test} value cannot be negative.", nameof(result));
        }

        var (uln, origin) = ResolveUln(result, unit, defaults, catalogue);
        return new LiverMeasurement(
            result.Test,
            result.CollectedAt,
            result.Value,
            result.Unit,
            uln,
            result.Value / unit.Divisor,
            definition.EvaluationUnit,
            origin,
            unit);
    }

    private static (decimal? Uln, UlnOrigin Origin) ResolveUln(
        LiverResult result, AcceptedUnit unit, ClinicUlnDefaults defaults, LiverTestCatalogue catalogue)
    {
        if (result.UpperLimitOfNormal is { } labUln)
        {
            return labUln > 0
                ? (labUln, UlnOrigin.Lab)
                : throw new ArgumentException($"{result.Test} upper limit of normal must be positive.", nameof(result));
        }

        if (defaults.TryGet(result.Test, out var value, out var defaultUnit))
        {
            var from = catalogue.FindUnit(result.Test, defaultUnit)
                ?? throw new ArgumentException($"Clinic default unit '{defaultUnit}' is not accepted for {result.Test}.", nameof(defaults));
            // Into the result's own unit: value / from.Divisor is in the evaluation unit, × unit.Divisor in the reported one.
            return (value * unit.Divisor / from.Divisor, UlnOrigin.ClinicDefault);
        }

        return result.Test == LiverTest.Inr
            ? (null, UlnOrigin.None)
            : throw new ArgumentException(
                $"No upper limit of normal for {result.Test}: supply the lab's with the result or configure a clinic default.",
                nameof(result));
    }
}
