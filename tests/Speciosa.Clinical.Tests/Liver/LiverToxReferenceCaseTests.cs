using Speciosa.Clinical.Liver;
using Xunit;

namespace Speciosa.Clinical.Tests.Liver;

/// <summary>The two LiverTox kratom reference cases (kratom-safety.md 1.1 [S6]) run through the public API.
/// Day numbers count from the start of kratom use (<see cref="Lab.Day0"/>).</summary>
public class LiverToxReferenceCaseTests
{
    // ASSUMPTION OF THE TEST, NOT FROM THE CASES: LiverTox gives no upper limits of normal for either
    // case, so the commonly used ULNs below are configured as clinic defaults (the results carry no lab
    // range). Every ×ULN, grade and criterion asserted here is true under these ULNs only.
    private const decimal AltUln = 40m;        // U/L
    private const decimal AlpUln = 120m;       // U/L
    private const decimal BilirubinUln = 1.2m; // mg/dL

    private static readonly ClinicUlnDefaults AssumedUlns = ClinicUlnDefaults.None
        .With(LiverTest.Alt, AltUln, "U/L")
        .With(LiverTest.Alp, AlpUln, "U/L")
        .With(LiverTest.TotalBilirubin, BilirubinUln, "mg/dL");

    // Case #8332: onset day 25, peak ALT 362 U/L, bilirubin 9.5 mg/dL; no ALP reported.
    // The reference does not date the peaks; placing both at onset (day 25) is an assumption of the test.
    // Hy's law and the CTCAE grades read peaks and single values, so they do not depend on it.
    private const int Case8332OnsetDay = 25;

    private static LiverResult Alt(decimal value, int day) => new(LiverTest.Alt, value, "U/L", Lab.Day0.AddDays(day));

    private static LiverResult Alp(decimal value, int day) => new(LiverTest.Alp, value, "U/L", Lab.Day0.AddDays(day));

    private static LiverResult Bilirubin(decimal value, int day) => new(LiverTest.TotalBilirubin, value, "mg/dL", Lab.Day0.AddDays(day));

    private static LiverEvaluation Case8332(params LiverResult[] extra) =>
        LiverEvaluation.Evaluate(
            [Alt(362m, Case8332OnsetDay), Bilirubin(9.5m, Case8332OnsetDay), .. extra],
            AssumedUlns);

    // Case #6972: onset day 23, bilirubin peak 38.2 mg/dL, ALP peak 750 U/L on day 43; no ALT reported.
    // Only the ALP peak is dated; putting the bilirubin peak on the same day is an assumption of the test
    // (no assertion below depends on it: no ALT means no criterion pairs bilirubin with anything).
    private const int Case6972AlpPeakDay = 43;

    private static LiverEvaluation Case6972() =>
        LiverEvaluation.Evaluate([Alp(750m, Case6972AlpPeakDay), Bilirubin(38.2m, Case6972AlpPeakDay)], AssumedUlns);

    private static CtcaeGrade GradeOf(LiverEvaluation evaluation, LiverTest test) => evaluation.Grades.Single(g => g.Test == test);

    // ---- #8332 ----

    [Fact]
    public void Case_8332_reads_as_alt_9_05_and_bilirubin_7_92_times_the_assumed_uln()
    {
        var peaks = Case8332().Peaks;

        Assert.Equal(9.05m, peaks.Alt!.Value.Ratio);                           // 362 / 40
        Assert.Equal(7.92m, Math.Round(peaks.TotalBilirubin!.Value.Ratio, 2)); // 9.5 / 1.2
        Assert.Null(peaks.Alp);
    }

    [Fact]
    public void Case_8332_uses_the_clinic_default_ulns_because_the_case_gives_none()
    {
        Assert.All(Case8332().Panels.Single().Measurements.Values, m => Assert.Equal(UlnOrigin.ClinicDefault, m.UlnOrigin));
    }

    [Fact]
    public void Case_8332_is_ctcae_grade_3_for_alt_and_grade_3_for_bilirubin()
    {
        var evaluation = Case8332();

        var alt = GradeOf(evaluation, LiverTest.Alt);
        var bilirubin = GradeOf(evaluation, LiverTest.TotalBilirubin);

        Assert.Equal(3, alt.Grade);       // 9.05 × ULN is in >5.0-20.0 × ULN
        Assert.Equal(">5.0-20.0×ULN", alt.Band);
        Assert.Equal(3, bilirubin.Grade); // 7.92 × ULN is in >3.0-10.0 × ULN
        Assert.Equal(">3.0-10.0×ULN", bilirubin.Band);
        Assert.All(evaluation.Grades, g => Assert.Equal(CtcaeForm.BaselineNormal, g.Form));
    }

    [Fact]
    public void Case_8332_meets_the_alt_5_times_and_the_alt_3_times_with_bilirubin_dili_criteria_and_cannot_judge_alp()
    {
        var dili = Case8332().DiliOnset!;

        Assert.Equal(Lab.Day0.AddDays(Case8332OnsetDay), dili.CollectedAt);
        Assert.Equal(
            [DiliCriterion.AltAtLeast5TimesUln, DiliCriterion.AltAtLeast3TimesUlnWithBilirubinAbove2TimesUln],
            dili.MetCriteria);
        var alp = dili.Outcomes.Single(o => o.Criterion == DiliCriterion.AlpAtLeast2TimesUln);
        Assert.False(alp.Evaluable);
        Assert.False(alp.Met);
    }

    [Fact]
    public void Case_8332_without_alp_is_potential_hys_law_and_says_cholestasis_is_not_excluded()
    {
        var evaluation = Case8332();

        Assert.True(evaluation.HysLaw.AminotransferaseCriterion);
        Assert.True(evaluation.HysLaw.BilirubinCriterion);
        Assert.Null(evaluation.HysLaw.NoInitialCholestasis);
        Assert.True(evaluation.HysLaw.IsPotentialHysLaw);
        var alert = Assert.Single(LiverAlerts.Raise(evaluation), a => a.Rule == LiverAlertRules.PotentialHysLaw);
        Assert.Contains("cholestasis not excluded", alert.Message, StringComparison.Ordinal);
        Assert.Equal(EdishQuadrant.PotentialHysLaw, evaluation.Edish!.Quadrant);
    }

    [Fact]
    public void Case_8332_with_a_normal_alp_added_is_potential_hys_law_with_cholestasis_excluded()
    {
        // Hypothetical: ALP 100 U/L (0.83 × the assumed ULN) was not reported in the case.
        var evaluation = Case8332(Alp(100m, Case8332OnsetDay));

        Assert.True(evaluation.HysLaw.NoInitialCholestasis);
        Assert.True(evaluation.HysLaw.IsPotentialHysLaw);
        var alert = Assert.Single(LiverAlerts.Raise(evaluation), a => a.Rule == LiverAlertRules.PotentialHysLaw);
        Assert.DoesNotContain("cholestasis not excluded", alert.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(240)] // exactly 2 × the assumed ULN
    [InlineData(750)] // the ALP peak of case #6972, borrowed as a clearly raised value
    public void Case_8332_with_alp_at_least_twice_uln_added_is_not_hys_law(int alpUl)
    {
        // Hypothetical ALP at onset: initial cholestasis, so not Hy's law.
        var evaluation = Case8332(Alp(alpUl, Case8332OnsetDay));

        Assert.False(evaluation.HysLaw.NoInitialCholestasis);
        Assert.False(evaluation.HysLaw.IsPotentialHysLaw);
        Assert.DoesNotContain(LiverAlerts.Raise(evaluation), a => a.Rule == LiverAlertRules.PotentialHysLaw);
    }

    [Fact]
    public void Case_8332_alone_gives_no_r_ratio_or_pattern_because_alp_is_missing()
    {
        var evaluation = Case8332();

        Assert.NotNull(evaluation.DiliOnset);
        Assert.Null(evaluation.RAtOnset);
        var dili = Assert.Single(LiverAlerts.Raise(evaluation), a => a.Rule == LiverAlertRules.DiliCriteriaMet);
        Assert.DoesNotContain("Pattern", dili.Message, StringComparison.Ordinal);
    }

    // ---- #6972 ----

    [Fact]
    public void Case_6972_reads_as_alp_6_25_and_bilirubin_31_83_times_the_assumed_uln()
    {
        var peaks = Case6972().Peaks;

        Assert.Equal(6.25m, peaks.Alp!.Value.Ratio);                             // 750 / 120
        Assert.Equal(31.83m, Math.Round(peaks.TotalBilirubin!.Value.Ratio, 2));  // 38.2 / 1.2
        Assert.Null(peaks.Alt);
        Assert.Null(peaks.Ast);
    }

    [Fact]
    public void Case_6972_is_ctcae_grade_3_for_alp_and_grade_4_for_bilirubin()
    {
        var evaluation = Case6972();

        var alp = GradeOf(evaluation, LiverTest.Alp);
        var bilirubin = GradeOf(evaluation, LiverTest.TotalBilirubin);

        Assert.Equal(3, alp.Grade);       // 6.25 × ULN is in >5.0-20.0 × ULN
        Assert.Equal(">5.0-20.0×ULN", alp.Band);
        Assert.Equal(4, bilirubin.Grade); // 31.83 × ULN is >10.0 × ULN
        Assert.Equal(">10.0×ULN", bilirubin.Band);
    }

    [Fact]
    public void Case_6972_meets_only_the_alp_dili_criterion_and_cannot_judge_the_alt_criteria()
    {
        var dili = Case6972().DiliOnset!;

        Assert.Equal(Lab.Day0.AddDays(Case6972AlpPeakDay), dili.CollectedAt);
        Assert.Equal([DiliCriterion.AlpAtLeast2TimesUln], dili.MetCriteria);
        Assert.All(
            dili.Outcomes.Where(o => o.Criterion != DiliCriterion.AlpAtLeast2TimesUln),
            o => Assert.False(o.Evaluable));
        Assert.Null(dili.GgtRaised);
    }

    [Fact]
    public void Case_6972_is_not_hys_law_because_no_aminotransferase_was_reported_though_bilirubin_qualifies()
    {
        var evaluation = Case6972();

        Assert.False(evaluation.HysLaw.AminotransferaseCriterion);
        Assert.True(evaluation.HysLaw.BilirubinCriterion);
        Assert.False(evaluation.HysLaw.IsPotentialHysLaw);
        Assert.Null(evaluation.Edish);
    }

    [Fact]
    public void Case_6972_alone_gives_no_r_ratio_or_pattern_because_alt_is_missing()
    {
        var evaluation = Case6972();

        Assert.NotNull(evaluation.DiliOnset);
        Assert.Null(evaluation.RAtOnset);
    }

    // ---- Published R values (kratom-safety.md 1.1) ----

    // Constructed values, not case data: ALP 600 U/L (5 × the assumed ULN, which meets the DILI ALP
    // criterion so an onset exists) and ALT 200 × R U/L, so that R = (ALT/40) ÷ (600/120) = R exactly.
    [Theory]
    [InlineData(3.0, InjuryPattern.Mixed)]            // DILIN median R at onset [S8]
    [InlineData(0.9, InjuryPattern.Cholestatic)]      // DILIN range, low end [S8]
    [InlineData(3.2, InjuryPattern.Mixed)]            // DILIN range, high end [S8]
    [InlineData(3.4, InjuryPattern.Mixed)]            // Schimmel & Dart median [S9]
    [InlineData(0.24, InjuryPattern.Cholestatic)]     // Schimmel & Dart range, low end [S9]
    [InlineData(10.4, InjuryPattern.Hepatocellular)]  // Schimmel & Dart range, high end [S9]
    public void A_published_kratom_r_at_onset_gives_its_pattern(double r, InjuryPattern pattern)
    {
        var alt = 200m * (decimal)r;

        var evaluation = LiverEvaluation.Evaluate([Alt(alt, 20), Alp(600m, 20)], AssumedUlns);

        Assert.Equal((decimal)r, evaluation.RAtOnset!.Value);
        Assert.Equal(pattern, evaluation.RAtOnset.Pattern);
    }
}
