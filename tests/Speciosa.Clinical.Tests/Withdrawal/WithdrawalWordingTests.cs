using Speciosa.Clinical.Withdrawal.Course;
using Speciosa.Clinical.Withdrawal.Instruments;
using Speciosa.Clinical.Withdrawal.Opioids;
using Xunit;

namespace Speciosa.Clinical.Tests.Withdrawal;

/// <summary>The withdrawal wordings of the clinical audit: E15 (MME cautions, CDC 2022 scope), E19 (course windows
/// approximate, concurrent kratom), E20 (SOWS-Gossop recall period), E27 (buprenorphine exclusion in the CDC 2022 text).</summary>
public class WithdrawalWordingTests
{
    [Theory]
    [InlineData("morphine")]
    [InlineData("methadone")]
    [InlineData("buprenorphine")]
    public void Every_mme_answer_carries_estimate_only_never_for_conversion_CDC_2022(string substance)
    {
        var result = MmeCalculator.PerDay(substance, 10m, DoseUnit.MilligramsPerDay);

        Assert.Contains(result.Cautions, c => c.StartsWith("Estimate only, never for conversion", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("methadone")]
    [InlineData("buprenorphine")]
    public void Methadone_and_buprenorphine_say_mme_and_cdc_thresholds_do_not_apply_to_oud_treatment_CDC_2022_scope(string substance)
    {
        var result = MmeCalculator.PerDay(substance, 10m, DoseUnit.MilligramsPerDay);

        Assert.Contains(result.Cautions, c => c.Contains("treatment for opioid use disorder", StringComparison.Ordinal)
            && c.Contains("CDC 2022 MME thresholds do not apply", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("short-acting")]
    [InlineData("methadone")]
    [InlineData("extended-release")]
    [InlineData("buprenorphine")]
    public void Each_course_with_windows_says_they_are_approximate_from_secondary_sources_and_that_kratom_shifts_them_audit_E19(string classId)
    {
        var notes = WithdrawalCourseCatalog.Default.FindClass(classId)!.Notes;

        Assert.Contains(notes, n => n.StartsWith("Approximate, secondary sources", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("µ-opioid agonist", StringComparison.Ordinal) && n.Contains("shifts", StringComparison.Ordinal));
    }

    [Fact]
    public void Sows_gossop_asks_about_the_past_24_hours_and_marks_the_recall_period_unconfirmed_Gossop_1990_audit_E20()
    {
        var gossop = InstrumentCatalog.Default.Get(InstrumentCatalog.SowsGossopId);

        Assert.Contains("past 24 hours", gossop.Instructions, StringComparison.Ordinal);
        Assert.Contains("UNCONFIRMED", gossop.Instructions, StringComparison.Ordinal);
    }
}
