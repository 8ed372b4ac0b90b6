using Speciosa.Clinical.Withdrawal.Course;
using Speciosa.Clinical.Withdrawal.Opioids;
using Xunit;

namespace Speciosa.Clinical.Tests.Withdrawal;

/// <summary>Issue 13 part 4 (clinical audit section 3 items 4 and 5): kratom and 7-OH products in the substance history, with
/// no MME, and kratom's own expected withdrawal course with every figure unconfirmed (Stanciu 2019, Weiss &amp; Douglas 2021
/// not retrieved).</summary>
public sealed class KratomWithdrawalTests
{
    private static readonly DateTimeOffset LastUse = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, DoseUnit> KratomProducts => new()
    {
        { "kratom-leaf", DoseUnit.GramsPerDay },
        { "kratom-extract", DoseUnit.GramsPerDay },
        { "kratom-enhanced", DoseUnit.GramsPerDay },
        { "seven-oh-concentrate", DoseUnit.MilligramsPerDay },
        { "mgm-15", DoseUnit.MilligramsPerDay },
        { "mitragynine-pseudoindoxyl", DoseUnit.MilligramsPerDay },
    };

    [Theory]
    [MemberData(nameof(KratomProducts))]
    public void Each_kratom_and_7_OH_product_is_in_the_substance_history_with_no_MME_and_says_why(string id, DoseUnit unit)
    {
        var substance = OpioidSubstanceCatalog.Default.Find(id)!;
        var mme = MmeCalculator.PerDay(id, 5m, unit);

        Assert.True(substance.IsKratom);
        Assert.Equal(unit, substance.Unit);
        Assert.Equal(MmeStatus.NotComputable, mme.Status);
        Assert.Null(mme.MmePerDay);
        Assert.Null(mme.Factor);
        Assert.Contains("No MME", mme.Reason, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(substance.Basis));
    }

    [Fact]
    public void Opioids_are_not_in_the_kratom_group() =>
        Assert.All(new[] { "heroin", "methadone", "buprenorphine", "oxycodone" },
            id => Assert.False(OpioidSubstanceCatalog.Default.Find(id)!.IsKratom));

    [Fact]
    public void Kratom_leaf_is_entered_in_grams_a_day_and_a_mg_amount_is_refused()
    {
        var refused = MmeCalculator.PerDay("kratom-leaf", 5m, DoseUnit.MilligramsPerDay);

        Assert.Equal(MmeStatus.Refused, refused.Status);
        Assert.Contains("g/day", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(DoseUnit.GramsPerDay, DoseUnitText.Parse("g/day"));
    }

    [Fact]
    public void Kratom_course_places_onset_12_to_24_h_peak_days_1_to_3_and_end_3_to_7_days_all_unconfirmed_clinical_audit_3_4()
    {
        var kratom = WithdrawalCourseCatalog.Default.FindClass("kratom")!;
        var course = ExpectedCourse.From(kratom, LastUse);

        Assert.True(kratom.Unconfirmed);
        Assert.Equal((LastUse.AddHours(12), LastUse.AddHours(24)), (course.Onset!.From, course.Onset.To));
        Assert.Equal((LastUse.AddHours(24), LastUse.AddHours(72)), (course.Peak!.From, course.Peak.To));
        Assert.Equal((LastUse.AddDays(3), LastUse.AddDays(7)), (course.AcuteEnd!.From, course.AcuteEnd.To));
        Assert.All(new[] { kratom.Onset!, kratom.Peak!, kratom.AcuteDuration! }, w =>
        {
            Assert.True(w.Unconfirmed);
            Assert.Equal(["STANCIU-2019", "WEISS-2021"], w.Sources);
        });
    }

    [Fact]
    public void The_kratom_course_sources_are_Stanciu_2019_and_Weiss_and_Douglas_2021_both_marked_unconfirmed()
    {
        var sources = WithdrawalCourseCatalog.Default.SourcesOf(WithdrawalCourseCatalog.Default.FindClass("kratom")!.Peak!);

        Assert.Contains(sources, s => s.Citation.Contains("J Psychoactive Drugs 2019;51(1):12-18", StringComparison.Ordinal) && s.Unconfirmed);
        Assert.Contains(sources, s => s.Citation.Contains("J Addict Med 2021;15(2):167-172", StringComparison.Ordinal) && s.Unconfirmed);
    }

    [Theory]
    [InlineData(11, WithdrawalPhase.BeforeExpectedOnset)]
    [InlineData(12, WithdrawalPhase.OnsetWindow)]
    [InlineData(24, WithdrawalPhase.PeakWindow)]
    [InlineData(72, WithdrawalPhase.PeakWindow)]
    [InlineData(73, WithdrawalPhase.AcuteEndWindow)]
    [InlineData(168, WithdrawalPhase.AcuteEndWindow)]
    [InlineData(169, WithdrawalPhase.PastExpectedDuration)]
    public void Kratom_phase_at_each_window_edge(int hours, WithdrawalPhase expected) =>
        Assert.Equal(expected, ExpectedCourse.From(WithdrawalCourseCatalog.Default.FindClass("kratom")!, LastUse).PhaseAt(LastUse.AddHours(hours)));

    [Theory]
    [InlineData("kratom-leaf", false)]
    [InlineData("kratom-extract", true)]
    [InlineData("kratom-enhanced", true)]
    [InlineData("seven-oh-concentrate", true)]
    [InlineData("mgm-15", true)]
    [InlineData("mitragynine-pseudoindoxyl", true)]
    public void Kratom_products_follow_the_kratom_course_and_all_but_leaf_only_by_assumption(string id, bool mappingUnconfirmed)
    {
        var match = WithdrawalCourseCatalog.Default.ClassFor(id, OpioidRelease.Immediate)!;

        Assert.Equal("kratom", match.Class.Id);
        Assert.Equal(mappingUnconfirmed, match.MappingUnconfirmed);
    }

    [Fact]
    public void The_kratom_course_says_COWS_and_SOWS_are_off_label_and_no_validated_kratom_scale_exists_reference_7()
    {
        var notes = WithdrawalCourseCatalog.Default.FindClass("kratom")!.Notes;

        Assert.Contains(notes, n => n.Contains("off-label", StringComparison.Ordinal) && n.Contains("no validated kratom", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("7-OH", StringComparison.Ordinal) && n.Contains("UNCONFIRMED", StringComparison.Ordinal));
    }
}
