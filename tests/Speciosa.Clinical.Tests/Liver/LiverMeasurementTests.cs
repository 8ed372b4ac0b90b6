using Speciosa.Clinical.Liver;
using Xunit;

namespace Speciosa.Clinical.Tests.Liver;

public class LiverMeasurementTests
{
    [Fact]
    public void Bilirubin_in_micromoles_is_evaluated_in_mg_per_dl_and_the_reported_value_is_kept()
    {
        var result = new LiverResult(LiverTest.TotalBilirubin, 34.2m, "umol/L", Lab.Day0, 17.1m);

        var measurement = LiverMeasurement.From(result, ClinicUlnDefaults.None);

        Assert.Equal(2.0m, measurement.Value);
        Assert.Equal("mg/dL", measurement.Unit);
        Assert.Equal(34.2m, measurement.ReportedValue);
        Assert.Equal("umol/L", measurement.ReportedUnit);
        Assert.False(measurement.ConversionUnconfirmed); // E27: the standard factor
        Assert.Equal(2.0m, measurement.TimesUln!.Value.Ratio);
    }

    [Fact]
    public void Bilirubin_in_mg_per_dl_is_not_converted()
    {
        var measurement = LiverMeasurement.From(new LiverResult(LiverTest.TotalBilirubin, 1.2m, "mg/dL", Lab.Day0, 1.2m), ClinicUlnDefaults.None);

        Assert.Equal(1.2m, measurement.Value);
        Assert.False(measurement.ConversionUnconfirmed);
    }

    [Fact]
    public void The_labs_uln_supplied_with_the_result_gives_the_multiple()
    {
        var measurement = Lab.Measure(LiverTest.Alt, 120m, uln: 40m);

        Assert.Equal(3m, measurement.TimesUln!.Value.Ratio);
        Assert.Equal(UlnOrigin.Lab, measurement.UlnOrigin);
    }

    [Fact]
    public void Without_a_lab_uln_the_clinic_default_applies()
    {
        var defaults = ClinicUlnDefaults.None.With(LiverTest.Alt, 40m, "U/L");

        var measurement = LiverMeasurement.From(new LiverResult(LiverTest.Alt, 200m, "U/L", Lab.Day0), defaults);

        Assert.Equal(5m, measurement.TimesUln!.Value.Ratio);
        Assert.Equal(UlnOrigin.ClinicDefault, measurement.UlnOrigin);
    }

    [Fact]
    public void A_clinic_default_bilirubin_uln_in_mg_per_dl_applies_to_a_micromolar_result()
    {
        var defaults = ClinicUlnDefaults.None.With(LiverTest.TotalBilirubin, 1.2m, "mg/dL");

        var measurement = LiverMeasurement.From(new LiverResult(LiverTest.TotalBilirubin, 41.04m, "umol/L", Lab.Day0), defaults);

        Assert.Equal(2m, measurement.TimesUln!.Value.Ratio);
    }

    [Fact]
    public void A_result_without_any_uln_is_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            LiverMeasurement.From(new LiverResult(LiverTest.Alt, 50m, "U/L", Lab.Day0), ClinicUlnDefaults.None));
    }

    [Fact]
    public void An_inr_without_uln_is_accepted_and_has_no_multiple()
    {
        var measurement = LiverMeasurement.From(new LiverResult(LiverTest.Inr, 1.1m, "{INR}", Lab.Day0), ClinicUlnDefaults.None);

        Assert.Null(measurement.TimesUln);
        Assert.Null(CtcaeGrading.Grade(measurement));
    }

    [Fact]
    public void A_unit_the_catalogue_does_not_accept_is_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            LiverMeasurement.From(new LiverResult(LiverTest.Alt, 50m, "ukat/L", Lab.Day0, 0.6m), ClinicUlnDefaults.None));
    }
}
