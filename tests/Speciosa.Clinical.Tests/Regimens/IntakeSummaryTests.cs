using Speciosa.Clinical.Regimens;
using Xunit;
using static Speciosa.Clinical.Tests.Regimens.Regimens;

namespace Speciosa.Clinical.Tests.Regimens;

public class IntakeSummaryTests
{
    private static readonly DateOnly LastDay = new(2026, 3, 20);

    private static DoseRecord Given(DateOnly day, decimal grams) => new(At(day), grams, "LOT-1", DoseSource.StaffGiven);

    private static DoseRecord Reported(DateOnly day, decimal grams) => new(At(day), grams, null, DoseSource.PatientReported);

    [Fact]
    public void The_fourteen_days_end_on_the_last_day_and_doses_beside_them_do_not_count()
    {
        var summary = IntakeSummary.Over(
            [Given(LastDay.AddDays(1), 50m), Given(LastDay, 2m), Given(LastDay.AddDays(-13), 2m), Given(LastDay.AddDays(-14), 50m)], LastDay, Utc);

        Assert.Equal(LastDay.AddDays(-13), summary.FirstDay);
        Assert.Equal(4m, summary.TotalGrams);
        Assert.Equal(2, summary.DaysWithRecords);
    }

    [Fact]
    public void The_mean_counts_days_without_records_as_zero_and_says_what_it_rests_on()
    {
        var summary = IntakeSummary.Over(
            [Given(LastDay, 3m), Given(LastDay, 3m), Reported(LastDay.AddDays(-1), 8m), Given(LastDay.AddDays(-2), 0.5m)], LastDay, Utc);

        Assert.Equal(14.5m / 14m, summary.MeanPerDay);
        Assert.Equal(14.5m / 3m, summary.MeanPerRecordedDay);
        Assert.Equal((3, 6.5m), (summary.StaffGivenDoses, summary.StaffGivenGrams));
        Assert.Equal((1, 8m), (summary.PatientReportedDoses, summary.PatientReportedGrams));
        Assert.Equal(3, summary.DaysWithRecords);
    }

    [Fact]
    public void With_no_records_the_intake_is_unknown_not_zero()
    {
        var summary = IntakeSummary.Over([], LastDay, Utc);

        Assert.Null(summary.MeanPerDay);
        Assert.Null(summary.MeanPerRecordedDay);
        Assert.Equal(0, summary.DaysWithRecords);
    }
}
