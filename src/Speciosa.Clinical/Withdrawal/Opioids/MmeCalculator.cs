namespace Speciosa.Clinical.Withdrawal.Opioids;

/// <summary>Morphine milligram equivalents per day = daily amount × the table's factor (CDC 2022: mg/day,
/// transdermal fentanyl mcg/hr). An estimate for risk display only, never for converting doses.</summary>
public static class MmeCalculator
{
    /// <summary>MME/day from the embedded CDC 2022 catalogue.</summary>
    public static MmeOutcome PerDay(string substanceId, decimal amount, DoseUnit unit) =>
        PerDay(OpioidSubstanceCatalog.Default, substanceId, amount, unit);

    /// <summary>MME/day for <paramref name="amount"/> of the substance in <paramref name="unit"/>; refuses an unknown
    /// substance, a unit the substance is not entered in, or an amount not above zero; "not computable" with
    /// the reason where the table has no factor.</summary>
    public static MmeOutcome PerDay(OpioidSubstanceCatalog catalog, string substanceId, decimal amount, DoseUnit unit)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var substance = catalog.Find(substanceId);
        if (substance is null)
        {
            var known = string.Join(", ", catalog.Substances.Select(s => s.Id));
            return Refused(catalog, $"Unknown substance '{substanceId}'; known substances: {known}.");
        }

        if (unit != substance.Unit)
        {
            return Refused(catalog,
                $"{substance.Name} is entered in {DoseUnitText.Of(substance.Unit)}, not {DoseUnitText.Of(unit)}.");
        }

        if (amount <= 0)
        {
            return Refused(catalog, $"The amount of {substance.Name} must be above zero {DoseUnitText.Of(unit)}.");
        }

        var cautions = catalog.Cautions.Concat(substance.Cautions).ToList();
        return substance.MmeFactor is { } factor
            ? new MmeOutcome(MmeStatus.Computed, amount * factor, factor, catalog.TableVersion, null, false, cautions)
            : new MmeOutcome(MmeStatus.NotComputable, null, null, catalog.TableVersion,
                substance.NotComputableReason, substance.ReasonUnconfirmed, cautions);
    }

    private static MmeOutcome Refused(OpioidSubstanceCatalog catalog, string reason) =>
        new(MmeStatus.Refused, null, null, catalog.TableVersion, reason, false, []);
}
