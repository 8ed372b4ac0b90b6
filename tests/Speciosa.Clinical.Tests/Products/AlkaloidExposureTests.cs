using Speciosa.Clinical.Products;
using Xunit;

namespace Speciosa.Clinical.Tests.Products;

public class AlkaloidExposureTests
{
    [Fact]
    public void Mitragynine_per_dose_and_per_day_follow_from_grams_and_the_certificate()
    {
        // NaPDI study product: 1.95% w/w mitragynine (S28).
        var exposure = AlkaloidExposure.FromCertificate(
            [Coa.Measured("mitragynine", 1.95m, "%w/w"), Coa.Measured("7-OH", 0.1m, "mg/g")],
            gramsPerDose: 2m,
            dosesPerDay: 3m);

        Assert.Equal(39m, exposure.MitragynineMgPerDose);
        Assert.Equal(117m, exposure.MitragynineMgPerDay);
        Assert.Equal(0.2m, exposure.SevenHydroxymitragynineMgPerDose);
        Assert.Equal(0.6m, exposure.SevenHydroxymitragynineMgPerDay);
        Assert.False(exposure.IsEstimate);
    }

    [Fact]
    public void Seven_oh_below_its_lod_is_reported_as_an_upper_bound()
    {
        var exposure = AlkaloidExposure.FromCertificate(
            [Coa.Measured("mitragynine", 15m, "mg/g"), Coa.NotDetected("7-OH", "µg/g", 10m)],
            gramsPerDose: 4m,
            dosesPerDay: 2m);

        Assert.True(exposure.SevenHydroxymitragynine.IsUpperBound);
        Assert.Equal(0.08m, exposure.SevenHydroxymitragynineMgPerDay);
    }

    [Fact]
    public void An_alkaloid_missing_from_the_certificate_is_unknown_not_zero()
    {
        var exposure = AlkaloidExposure.FromCertificate([Coa.Measured("mitragynine", 15m, "mg/g")], 2m, 1m);

        Assert.Null(exposure.SevenHydroxymitragynineMgPerDay);
        Assert.Contains("not on the certificate", exposure.SevenHydroxymitragynine.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void From_the_label_the_exposure_is_marked_as_an_estimate()
    {
        var exposure = AlkaloidExposure.FromLabel(75m, null, servingGrams: 5m, gramsPerDose: 2m, dosesPerDay: 3m);

        Assert.True(exposure.IsEstimate);
        Assert.Equal(30m, exposure.MitragynineMgPerDose);
        Assert.Equal(90m, exposure.MitragynineMgPerDay);
        Assert.Null(exposure.SevenHydroxymitragynineMgPerDose);
    }

    [Fact]
    public void A_certificate_in_mg_per_serving_needs_the_serving_size()
    {
        var results = new[] { Coa.Measured("mitragynine", 75m, "mg/serving") };

        Assert.Null(AlkaloidExposure.FromCertificate(results, 2m, 1m).MitragynineMgPerDose);
        Assert.Equal(30m, AlkaloidExposure.FromCertificate(results, 2m, 1m, servingGrams: 5m).MitragynineMgPerDose);
    }
}
