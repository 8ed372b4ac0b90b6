using Speciosa.Clinical.Liver;
using Xunit;

namespace Speciosa.Clinical.Tests.Liver;

/// <summary>Each panel's conclusions (R from ALT per Aithal 2011, DILI criteria, Hy's law per FDA 2009) and the eDISH
/// quadrant worded so it never contradicts the Hy's law verdict (audit §2.12, E16).</summary>
public class PanelSummaryTests
{
    private static LiverPanelSummary Summary(params LiverResult[] results) =>
        LiverEvaluation.Evaluate(results, ClinicUlnDefaults.None).Summaries.Single();

    [Fact]
    public void An_ast_only_panel_says_r_is_not_computable_because_alt_was_not_measured_audit_E16()
    {
        var summary = Summary(Lab.Result(LiverTest.Ast, 600m), Lab.Result(LiverTest.Alp, 100m));

        Assert.Null(summary.R);
        Assert.Equal("not computable: ALT not measured", summary.RText);
        Assert.Null(summary.Pattern);
    }

    [Fact]
    public void A_panel_with_alt_and_alp_gives_r_and_the_pattern_Aithal_2011()
    {
        var summary = Summary(Lab.Result(LiverTest.Alt, 500m), Lab.Result(LiverTest.Alp, 100m));

        Assert.Equal(5m, summary.R!.Value);
        Assert.Equal(InjuryPattern.Hepatocellular, summary.Pattern);
        Assert.True(summary.Dili.Met);
    }

    [Fact]
    public void Each_result_carries_its_times_uln_and_ctcae_grade_CTCAE_v5()
    {
        var summary = Summary(Lab.Result(LiverTest.Alt, 350m), Lab.Result(LiverTest.Alp, 100m));

        var alt = summary.Results.Single(r => r.Test == LiverTest.Alt);
        Assert.Equal(3.5m, alt.TimesUln!.Value.Ratio);
        Assert.Equal(2, alt.Grade!.Grade);
    }

    [Fact]
    public void A_cholestatic_upper_right_point_says_hys_law_is_not_met_because_of_alp_audit_2_12()
    {
        var summary = Summary(Lab.Result(LiverTest.Alt, 400m), Lab.Result(LiverTest.TotalBilirubin, 300m), Lab.Result(LiverTest.Alp, 250m));

        Assert.Equal(EdishQuadrant.PotentialHysLaw, summary.Quadrant);
        Assert.False(summary.HysLaw.IsPotentialHysLaw);
        Assert.Equal("upper-right quadrant; Hy's law not met (ALP ≥ 2 × ULN)", summary.EdishText);
    }

    [Fact]
    public void An_upper_left_point_with_ast_above_3_says_hys_law_is_met_through_ast_FDA_2009()
    {
        var summary = Summary(Lab.Result(LiverTest.Alt, 200m), Lab.Result(LiverTest.Ast, 400m), Lab.Result(LiverTest.TotalBilirubin, 300m), Lab.Result(LiverTest.Alp, 100m));

        Assert.Equal(EdishQuadrant.HyperbilirubinaemiaOrCholestasis, summary.Quadrant);
        Assert.True(summary.HysLaw.IsPotentialHysLaw);
        Assert.StartsWith("upper-left quadrant", summary.EdishText, StringComparison.Ordinal);
        Assert.Contains("potential Hy's law through AST ≥ 3 × ULN", summary.EdishText, StringComparison.Ordinal);
    }

    [Fact]
    public void An_upper_right_point_without_alp_says_cholestasis_is_not_excluded_FDA_2009()
    {
        var summary = Summary(Lab.Result(LiverTest.Alt, 400m), Lab.Result(LiverTest.TotalBilirubin, 300m));

        Assert.Contains("ALP at onset not measured", summary.EdishText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_patient_level_edish_wording_reads_the_peaks_with_the_same_verdict()
    {
        var evaluation = LiverEvaluation.Evaluate(
            [Lab.Result(LiverTest.Alt, 400m), Lab.Result(LiverTest.TotalBilirubin, 300m), Lab.Result(LiverTest.Alp, 250m)], ClinicUlnDefaults.None);

        Assert.Equal("upper-right quadrant; Hy's law not met (ALP ≥ 2 × ULN)", evaluation.EdishText);
    }
}
