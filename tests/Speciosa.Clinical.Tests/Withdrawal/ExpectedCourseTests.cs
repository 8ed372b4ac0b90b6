using Speciosa.Clinical.Withdrawal;
using Speciosa.Clinical.Withdrawal.Course;
using Speciosa.Clinical.Withdrawal.Opioids;
using Xunit;

namespace Speciosa.Clinical.Tests.Withdrawal;

public sealed class ExpectedCourseTests
{
    private static readonly DateTimeOffset LastUse = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly WithdrawalCourseCatalog Courses = WithdrawalCourseCatalog.Default;

    private static ExpectedCourse CourseOf(string classId) => ExpectedCourse.From(Courses.FindClass(classId)!, LastUse);

    [Fact]
    public void Short_acting_course_places_onset_6_to_12_h_peak_24_to_72_h_and_end_3_to_10_days_after_last_use()
    {
        var course = CourseOf("short-acting");

        Assert.Equal(LastUse.AddHours(6), course.Onset!.From);
        Assert.Equal(LastUse.AddHours(12), course.Onset.To);
        Assert.Equal(LastUse.AddHours(24), course.Peak!.From);
        Assert.Equal(LastUse.AddHours(72), course.Peak.To);
        Assert.Equal(LastUse.AddDays(3), course.AcuteEnd!.From);
        Assert.Equal(LastUse.AddDays(10), course.AcuteEnd.To);
    }

    [Theory]
    [InlineData(-1, WithdrawalPhase.BeforeEpisode)]
    [InlineData(0, WithdrawalPhase.BeforeExpectedOnset)]
    [InlineData(5, WithdrawalPhase.BeforeExpectedOnset)]
    [InlineData(6, WithdrawalPhase.OnsetWindow)]
    [InlineData(12, WithdrawalPhase.OnsetWindow)]
    [InlineData(13, WithdrawalPhase.BeforePeak)]
    [InlineData(24, WithdrawalPhase.PeakWindow)]
    [InlineData(72, WithdrawalPhase.PeakWindow)]
    [InlineData(73, WithdrawalPhase.AcuteEndWindow)]
    [InlineData(240, WithdrawalPhase.AcuteEndWindow)]
    [InlineData(241, WithdrawalPhase.PastExpectedDuration)]
    public void Short_acting_phase_at_each_window_edge(int hoursAfterLastUse, WithdrawalPhase expected) =>
        Assert.Equal(expected, CourseOf("short-acting").PhaseAt(LastUse.AddHours(hoursAfterLastUse)));

    [Theory]
    [InlineData(23, WithdrawalPhase.BeforeExpectedOnset)]
    [InlineData(24, WithdrawalPhase.OnsetWindow)]
    [InlineData(72, WithdrawalPhase.PeakWindow)]
    [InlineData(192, WithdrawalPhase.PeakWindow)]
    [InlineData(193, WithdrawalPhase.AfterPeak)]
    [InlineData(240, WithdrawalPhase.AcuteEndWindow)]
    [InlineData(336, WithdrawalPhase.AcuteEndWindow)]
    [InlineData(337, WithdrawalPhase.PastExpectedDuration)]
    public void Methadone_peaks_later_than_short_acting_opioids(int hoursAfterLastUse, WithdrawalPhase expected) =>
        Assert.Equal(expected, CourseOf("methadone").PhaseAt(LastUse.AddHours(hoursAfterLastUse)));

    [Fact]
    public void Extended_release_course_has_no_peak_and_unconfirmed_windows()
    {
        var course = CourseOf("extended-release");

        Assert.Null(course.Peak);
        Assert.True(course.Onset!.Figures.Unconfirmed);
        Assert.True(course.AcuteEnd!.Figures.Unconfirmed);
        Assert.Equal(WithdrawalPhase.AfterOnset, course.PhaseAt(LastUse.AddHours(100)));
        Assert.Equal(WithdrawalPhase.PastExpectedDuration, course.PhaseAt(LastUse.AddHours(241)));
    }

    [Fact]
    public void Buprenorphine_course_figures_are_all_flagged_unconfirmed()
    {
        var bup = Courses.FindClass("buprenorphine")!;
        Assert.True(bup.Unconfirmed);
        Assert.All(new[] { bup.Onset, bup.Peak, bup.AcuteDuration }, w => Assert.True(w!.Unconfirmed));
    }

    [Fact]
    public void Illicit_fentanyl_has_no_consensus_figures_so_its_phase_is_not_known()
    {
        var course = CourseOf("fentanyl-illicit");

        Assert.True(course.Class.Unconfirmed);
        Assert.Null(course.Onset);
        Assert.Null(course.Peak);
        Assert.Null(course.AcuteEnd);
        Assert.Equal(WithdrawalPhase.NotKnown, course.PhaseAt(LastUse.AddHours(48)));
    }

    [Theory]
    [InlineData("heroin", OpioidRelease.Immediate, "short-acting", false)]
    [InlineData("oxycodone", OpioidRelease.Immediate, "short-acting", false)]
    [InlineData("oxycodone", OpioidRelease.Extended, "extended-release", false)]
    [InlineData("morphine", OpioidRelease.Extended, "extended-release", false)]
    [InlineData("methadone", OpioidRelease.Immediate, "methadone", false)]
    [InlineData("buprenorphine", OpioidRelease.Immediate, "buprenorphine", false)]
    [InlineData("fentanyl-illicit", OpioidRelease.Immediate, "fentanyl-illicit", false)]
    [InlineData("tramadol", OpioidRelease.Immediate, "short-acting", true)]
    public void Each_substance_maps_to_its_course_class(string substance, OpioidRelease release, string classId, bool mappingUnconfirmed)
    {
        var match = Courses.ClassFor(substance, release)!;
        Assert.Equal(classId, match.Class.Id);
        Assert.Equal(mappingUnconfirmed, match.MappingUnconfirmed);
    }

    [Fact]
    public void Transdermal_fentanyl_has_no_expected_course_in_the_knowledge_data() =>
        Assert.Null(Courses.ClassFor("fentanyl-transdermal", OpioidRelease.Extended));

    [Fact]
    public void Every_substance_except_transdermal_fentanyl_has_a_course_for_both_releases()
    {
        foreach (var substance in OpioidSubstanceCatalog.Default.Substances.Where(s => s.Id != "fentanyl-transdermal"))
        {
            Assert.NotNull(Courses.ClassFor(substance.Id, OpioidRelease.Immediate));
            Assert.NotNull(Courses.ClassFor(substance.Id, OpioidRelease.Extended));
        }
    }

    [Fact]
    public void Every_window_names_its_sources()
    {
        var window = Courses.FindClass("short-acting")!.Onset!;
        Assert.Equal(["S13", "S42", "S43", "S46"], Courses.SourcesOf(window).Select(s => s.Id));
    }

    [Fact]
    public void A_last_use_in_the_future_is_a_problem_and_one_now_is_not()
    {
        var now = LastUse;
        Assert.Null(RecordedTime.ProblemIfInFuture("Last use", now, now));
        Assert.Contains("Last use", RecordedTime.ProblemIfInFuture("Last use", now.AddMinutes(1), now), StringComparison.Ordinal);
    }
}
