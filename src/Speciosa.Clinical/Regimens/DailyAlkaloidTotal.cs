using Speciosa.Clinical.Products;

namespace Speciosa.Clinical.Regimens;

/// <summary>Milligrams of mitragynine and 7-OH over a day's doses, each dose from its own lot's content
/// (<see cref="AlkaloidExposure"/> built for that dose: its grams, one dose). A total is unknown (null) when any
/// dose's content is unknown, an estimate when any dose's content comes from a label claim, and an upper bound
/// when any dose's content is an upper bound (below LOD/LOQ).</summary>
public sealed record DailyAlkaloidTotal(
    decimal Grams,
    decimal? MitragynineMg,
    decimal? SevenHydroxymitragynineMg,
    bool IsEstimate,
    bool IsUpperBound)
{
    public static DailyAlkaloidTotal Of(IReadOnlyList<AlkaloidExposure> doses)
    {
        ArgumentNullException.ThrowIfNull(doses);
        return new DailyAlkaloidTotal(
            doses.Sum(d => d.GramsPerDay),
            Sum(doses.Select(d => d.MitragynineMgPerDay)),
            Sum(doses.Select(d => d.SevenHydroxymitragynineMgPerDay)),
            doses.Any(d => d.IsEstimate),
            doses.Any(d => d.Mitragynine.IsUpperBound || d.SevenHydroxymitragynine.IsUpperBound));
    }

    /// <summary>One dose's content from its lot's certificate.</summary>
    public static AlkaloidExposure ForDose(DoseRecord dose, IReadOnlyList<AnalyteResult> certificate, decimal? servingGrams = null)
    {
        ArgumentNullException.ThrowIfNull(dose);
        return AlkaloidExposure.FromCertificate(certificate, dose.Grams, 1m, servingGrams);
    }

    private static decimal? Sum(IEnumerable<decimal?> values)
    {
        var total = 0m;
        foreach (var value in values)
        {
            if (value is not { } mg)
            {
                return null;
            }

            total += mg;
        }

        return total;
    }
}
