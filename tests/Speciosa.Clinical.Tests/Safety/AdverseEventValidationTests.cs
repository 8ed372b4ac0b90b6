using Speciosa.Clinical.Safety;
using Xunit;

namespace Speciosa.Clinical.Tests.Safety;

public class AdverseEventValidationTests
{
    private static IReadOnlyList<AdverseEventProblem> Problems(AdverseEventReport report) =>
        AdverseEventValidation.Validate(report, AdverseEvents.Now).Problems;

    [Fact]
    public void A_complete_report_is_valid_and_typed()
    {
        var result = AdverseEventValidation.Validate(AdverseEvents.Report(criteria: ["hospitalisation", "hospitalisation"]), AdverseEvents.Now);

        Assert.True(result.IsValid);
        Assert.Empty(result.Problems);
        Assert.Equal("Nausea", result.Event!.TermText);
        Assert.Equal(AdverseEventOutcome.Recovering, result.Event.Outcome);
        Assert.Equal(Relatedness.Possible, result.Event.Relatedness);
        Assert.Equal([SeriousnessCriterion.Hospitalisation], result.Event.SeriousnessCriteria);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void A_grade_outside_one_to_five_is_rejected(int grade)
    {
        Assert.Contains(Problems(AdverseEvents.Report(grade: grade)), p => p.Field == "grade");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Grades_one_and_four_are_accepted(int grade)
    {
        Assert.Empty(Problems(AdverseEvents.Report(grade: grade)));
    }

    [Fact]
    public void An_onset_in_the_future_is_rejected_and_an_onset_now_is_not()
    {
        Assert.Contains(Problems(AdverseEvents.Report(onset: AdverseEvents.Now.AddMinutes(1))), p => p.Field == "onset");
        Assert.Empty(Problems(AdverseEvents.Report(onset: AdverseEvents.Now)));
    }

    [Fact]
    public void A_resolution_before_onset_or_in_the_future_is_rejected()
    {
        var onset = AdverseEvents.Now.AddDays(-2);
        Assert.Contains(Problems(AdverseEvents.Report(onset: onset, resolvedAt: onset.AddHours(-1), outcome: "recovered")), p => p.Field == "resolvedAt");
        Assert.Contains(Problems(AdverseEvents.Report(onset: onset, resolvedAt: AdverseEvents.Now.AddHours(1), outcome: "recovered")), p => p.Field == "resolvedAt");
    }

    [Theory]
    [InlineData("Recovered")]
    [InlineData("healed")]
    [InlineData("")]
    public void An_unknown_outcome_code_is_rejected(string outcome)
    {
        Assert.Contains(Problems(AdverseEvents.Report(outcome: outcome)), p => p.Field == "outcome");
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("certain")]
    public void An_unknown_relatedness_code_is_rejected(string relatedness)
    {
        Assert.Contains(Problems(AdverseEvents.Report(relatedness: relatedness)), p => p.Field == "relatedness");
    }

    [Fact]
    public void An_unknown_seriousness_criterion_is_rejected_at_its_index()
    {
        Assert.Contains(Problems(AdverseEvents.Report(criteria: ["hospitalisation", "scary"])), p => p.Field == "seriousnessCriteria[1]");
    }

    [Fact]
    public void A_term_must_be_catalogued_or_described()
    {
        Assert.Contains(Problems(AdverseEvents.Report(termId: "unicorn-syndrome")), p => p.Field == "termId");
        Assert.Contains(Problems(AdverseEvents.Report(termId: null)), p => p.Field == "termId");
        Assert.Empty(Problems(AdverseEvents.Report(termId: null, otherTerm: "Rash on forearms")));
    }

    [Fact]
    public void Grade_five_needs_a_fatal_outcome_and_a_fatal_outcome_needs_grade_five_and_the_death_criterion()
    {
        Assert.Contains(Problems(AdverseEvents.Report(grade: 5, outcome: "recovered")), p => p.Field == "outcome");
        Assert.Contains(Problems(AdverseEvents.Report(grade: 4, outcome: "fatal", criteria: "death")), p => p.Field == "grade");
        Assert.Contains(Problems(AdverseEvents.Report(grade: 5, outcome: "fatal")), p => p.Field == "seriousnessCriteria");
        Assert.Contains(Problems(AdverseEvents.Report(grade: 3, criteria: "death")), p => p.Field == "seriousnessCriteria");
    }

    [Fact]
    public void An_invalid_report_gives_no_event()
    {
        var result = AdverseEventValidation.Validate(AdverseEvents.Report(grade: 9), AdverseEvents.Now);

        Assert.False(result.IsValid);
        Assert.Null(result.Event);
    }
}
