using Speciosa.Clinical.Regimens;
using Xunit;
using static Speciosa.Clinical.Tests.Regimens.Regimens;

namespace Speciosa.Clinical.Tests.Regimens;

public class ValidationTests
{
    private static TaperCalendar Calendar(params (int Day, decimal Grams)[] entries) =>
        new(entries.Select(e => new TaperEntry(Day(e.Day), e.Grams)).ToList());

    [Fact]
    public void An_edited_calendar_that_descends_to_zero_is_valid()
    {
        Assert.Empty(TaperCalendarValidation.Validate(Calendar((1, 4m), (8, 4m), (22, 2m), (29, 0m))));
    }

    [Fact]
    public void Entries_out_of_date_order_or_on_the_same_day_are_problems()
    {
        var problems = TaperCalendarValidation.Validate(Calendar((8, 4m), (8, 3m), (1, 2m), (15, 0m)));

        Assert.Equal([1, 2], problems.Where(p => p.Field == "startsOn").Select(p => p.EntryIndex));
    }

    [Fact]
    public void A_negative_week_is_a_problem()
    {
        var problems = TaperCalendarValidation.Validate(Calendar((1, 2m), (8, -0.25m), (15, 0m)));

        Assert.Contains(problems, p => p.EntryIndex == 1 && p.Field == "gramsPerDay" && p.Message.Contains("negative", StringComparison.Ordinal));
    }

    [Fact]
    public void An_increase_is_a_problem_unless_the_clinician_allowed_increases()
    {
        var calendar = Calendar((1, 2m), (8, 2.5m), (15, 0m));

        Assert.Single(TaperCalendarValidation.Validate(calendar));
        Assert.Empty(TaperCalendarValidation.Validate(calendar with { IncreasesAllowed = true }));
    }

    [Fact]
    public void A_taper_off_calendar_must_end_at_zero_and_have_entries()
    {
        Assert.Contains(TaperCalendarValidation.Validate(Calendar((1, 2m), (8, 1m))), p => p.EntryIndex == 1);
        Assert.Single(TaperCalendarValidation.Validate(Calendar()));
    }

    [Fact]
    public void A_coherent_order_has_no_problems()
    {
        Assert.Empty(RegimenOrderValidation.Validate(Order() with { Titration = TitrationPlan.Uniform(2m, 0.5m, 3, 3m) }));
    }

    [Fact]
    public void An_incoherent_order_names_each_field()
    {
        var order = new RegimenOrder(0m, -1m, Day(10), Day(9), 0)
        {
            Breaks = [new PlannedBreak(Day(5), Day(4))],
            Titration = new TitrationPlan([new TitrationStep(1m, 0)]),
            Taper = Calendar((1, 2m), (8, 3m)),
        };

        var fields = RegimenOrderValidation.Validate(order).Select(p => p.Field).ToList();

        Assert.Equal(
            ["gramsPerAdministration", "maxAdministrationsPerDay", "maxGramsPerDay", "endDate", "breaks[0]",
             "titration.steps[0].daysAfterPreviousStep", "taper.entries[1].gramsPerDay", "taper.entries[1].gramsPerDay"],
            fields);
    }
}
