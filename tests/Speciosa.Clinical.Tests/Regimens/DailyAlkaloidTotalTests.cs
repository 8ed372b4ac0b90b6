using Speciosa.Clinical.Regimens;
using Speciosa.Clinical.Products;
using Xunit;
using static Speciosa.Clinical.Tests.Regimens.Regimens;

namespace Speciosa.Clinical.Tests.Regimens;

public class DailyAlkaloidTotalTests
{
    private static readonly AnalyteResult[] Certificate =
        [new("mitragynine", 1.95m, "%w/w"), new("7-hydroxymitragynine", 0.1m, "mg/g")];

    private static DoseRecord Dose(decimal grams, int hour) => new(At(Day(5), hour), grams, "LOT-1", DoseSource.StaffGiven);

    [Fact]
    public void Two_doses_from_a_certificate_add_up_in_milligrams()
    {
        var total = DailyAlkaloidTotal.Of([DailyAlkaloidTotal.ForDose(Dose(2m, 8), Certificate), DailyAlkaloidTotal.ForDose(Dose(1.5m, 14), Certificate)]);

        Assert.Equal(3.5m, total.Grams);
        Assert.Equal(68.25m, total.MitragynineMg);
        Assert.Equal(0.35m, total.SevenHydroxymitragynineMg);
        Assert.False(total.IsEstimate);
    }

    [Fact]
    public void A_dose_from_a_lot_with_only_a_label_claim_makes_the_day_an_estimate()
    {
        var label = AlkaloidExposure.FromLabel(75m, 1m, servingGrams: 5m, gramsPerDose: 2m, dosesPerDay: 1m);

        var total = DailyAlkaloidTotal.Of([DailyAlkaloidTotal.ForDose(Dose(2m, 8), Certificate), label]);

        Assert.True(total.IsEstimate);
        Assert.Equal(39m + 30m, total.MitragynineMg);
        Assert.Equal(0.2m + 0.4m, total.SevenHydroxymitragynineMg);
    }

    [Fact]
    public void An_unknown_content_on_any_dose_leaves_the_day_total_unknown()
    {
        var noSevenOh = AlkaloidExposure.FromLabel(75m, null, servingGrams: 5m, gramsPerDose: 2m, dosesPerDay: 1m);

        var total = DailyAlkaloidTotal.Of([DailyAlkaloidTotal.ForDose(Dose(2m, 8), Certificate), noSevenOh]);

        Assert.Null(total.SevenHydroxymitragynineMg);
        Assert.Equal(69m, total.MitragynineMg);
    }
}
