namespace Speciosa.Clinical.Products;

/// <summary>Milligrams of mitragynine and 7-hydroxymitragynine a patient takes per dose and per day,
/// from grams of product and its content. From a label claim the figures are an estimate
/// (<see cref="IsEstimate"/>), not a measurement.</summary>
public sealed record AlkaloidExposure(
    AlkaloidAmount Mitragynine,
    AlkaloidAmount SevenHydroxymitragynine,
    decimal GramsPerDose,
    decimal DosesPerDay,
    bool IsEstimate)
{
    public decimal GramsPerDay => GramsPerDose * DosesPerDay;

    public decimal? MitragynineMgPerDose => Mitragynine.MgFor(GramsPerDose);

    public decimal? MitragynineMgPerDay => Mitragynine.MgFor(GramsPerDay);

    public decimal? SevenHydroxymitragynineMgPerDose => SevenHydroxymitragynine.MgFor(GramsPerDose);

    public decimal? SevenHydroxymitragynineMgPerDay => SevenHydroxymitragynine.MgFor(GramsPerDay);

    /// <summary>From the lot's certificate of analysis (mg/g, %w/w, µg/g, or mg/serving with the serving size).</summary>
    public static AlkaloidExposure FromCertificate(
        IReadOnlyList<AnalyteResult> results,
        decimal gramsPerDose,
        decimal dosesPerDay,
        decimal? servingGrams = null,
        AnalyteCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        CheckDose(gramsPerDose, dosesPerDay);
        catalogue ??= AnalyteCatalogue.Default;
        return new(
            AlkaloidAmount.FromCertificate(results, "mitragynine", servingGrams, catalogue),
            AlkaloidAmount.FromCertificate(results, "7-hydroxymitragynine", servingGrams, catalogue),
            gramsPerDose,
            dosesPerDay,
            IsEstimate: false);
    }

    /// <summary>From the label: mg per serving ÷ serving grams gives mg/g. An estimate; a null claim is unknown.</summary>
    public static AlkaloidExposure FromLabel(
        decimal? mitragynineMgPerServing,
        decimal? sevenHydroxymitragynineMgPerServing,
        decimal servingGrams,
        decimal gramsPerDose,
        decimal dosesPerDay)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(servingGrams);
        CheckDose(gramsPerDose, dosesPerDay);
        return new(
            FromClaim("mitragynine", mitragynineMgPerServing, servingGrams),
            FromClaim("7-hydroxymitragynine", sevenHydroxymitragynineMgPerServing, servingGrams),
            gramsPerDose,
            dosesPerDay,
            IsEstimate: true);
    }

    private static AlkaloidAmount FromClaim(string name, decimal? mgPerServing, decimal servingGrams) =>
        mgPerServing is { } mg
            ? new(mg / servingGrams, false, $"label estimate: {name} {Figures.Format(mg)} mg per {Figures.Format(servingGrams)} g serving")
            : new(null, false, $"the label claims no {name} content");

    private static void CheckDose(decimal gramsPerDose, decimal dosesPerDay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(gramsPerDose);
        ArgumentOutOfRangeException.ThrowIfNegative(dosesPerDay);
    }
}
