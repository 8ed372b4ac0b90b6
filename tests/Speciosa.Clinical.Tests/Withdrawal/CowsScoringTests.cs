using Speciosa.Clinical.Withdrawal.Instruments;
using Xunit;

namespace Speciosa.Clinical.Tests.Withdrawal;

public sealed class CowsScoringTests
{
    private static readonly InstrumentDefinition Cows = InstrumentCatalog.Default.Get(InstrumentCatalog.CowsId);

    private static InstrumentScore ScoreOf(Dictionary<int, int> answers)
    {
        var outcome = InstrumentScorer.Score(Cows, answers);
        Assert.True(outcome.IsScored, string.Join(" ", outcome.Problems.Select(p => p.Message)));
        return outcome.Score;
    }

    [Fact]
    public void Cows_has_eleven_items_and_a_total_range_of_0_to_48()
    {
        Assert.Equal(11, Cows.Items.Count);
        Assert.Equal(0, Cows.TotalRange.Min);
        Assert.Equal(48, Cows.TotalRange.Max);
    }

    [Theory]
    [InlineData(1, new[] { 0, 1, 2, 4 })]
    [InlineData(2, new[] { 0, 1, 2, 3, 4 })]
    [InlineData(3, new[] { 0, 1, 3, 5 })]
    [InlineData(4, new[] { 0, 1, 2, 5 })]
    [InlineData(5, new[] { 0, 1, 2, 4 })]
    [InlineData(6, new[] { 0, 1, 2, 4 })]
    [InlineData(7, new[] { 0, 1, 2, 3, 5 })]
    [InlineData(8, new[] { 0, 1, 2, 4 })]
    [InlineData(9, new[] { 0, 1, 2, 4 })]
    [InlineData(10, new[] { 0, 1, 2, 4 })]
    [InlineData(11, new[] { 0, 3, 5 })]
    public void Cows_item_allows_exactly_the_published_scores(int item, int[] allowed) =>
        Assert.Equal(allowed, Cows.Item(item)!.AllowedScores());

    [Fact]
    public void Cows_all_items_at_minimum_total_0_with_no_official_band()
    {
        var score = ScoreOf(Answers.AllMinimum(Cows));
        Assert.Equal(0, score.Total);
        Assert.Null(score.Band);
        Assert.Equal("none or minimal (no official label)", score.BandLabel);
        Assert.Equal("cows", score.InstrumentId);
        Assert.Equal(1, score.InstrumentVersion);
    }

    [Fact]
    public void Cows_all_items_at_maximum_total_48_and_is_severe()
    {
        var score = ScoreOf(Answers.AllMaximum(Cows));
        Assert.Equal(48, score.Total);
        Assert.Equal("severe", score.Band?.Label);
    }

    [Theory]
    [InlineData(4, null)]
    [InlineData(5, "mild")]
    [InlineData(12, "mild")]
    [InlineData(13, "moderate")]
    [InlineData(24, "moderate")]
    [InlineData(25, "moderately severe")]
    [InlineData(36, "moderately severe")]
    [InlineData(37, "severe")]
    public void Cows_band_boundaries_follow_the_published_bands(int total, string? band)
    {
        var score = ScoreOf(Answers.WithTotal(Cows, total));
        Assert.Equal(total, score.Total);
        Assert.Equal(band, score.Band?.Label);
    }

    [Fact]
    public void Cows_total_of_36_is_moderately_severe_and_37_is_severe()
    {
        Assert.Equal("moderately severe", ScoreOf(Answers.WithTotal(Cows, 36)).BandLabel);
        Assert.Equal("severe", ScoreOf(Answers.WithTotal(Cows, 37)).BandLabel);
    }

    public static TheoryData<int, int> DisallowedItemScores()
    {
        var data = new TheoryData<int, int>();
        foreach (var item in Cows.Items)
        {
            // Every value inside and just outside the item's 0..max span that the item does not allow.
            for (var score = -1; score <= item.MaxScore + 1; score++)
            {
                if (!item.Allows(score))
                {
                    data.Add(item.Number, score);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DisallowedItemScores))]
    public void Cows_refuses_every_score_an_item_does_not_allow_and_names_the_allowed_scores(int item, int score)
    {
        var answers = Answers.AllMinimum(Cows);
        answers[item] = score;

        var outcome = InstrumentScorer.Score(Cows, answers);

        Assert.False(outcome.IsScored);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(item, problem.ItemNumber);
        Assert.Equal(ItemProblemKind.ScoreNotAllowed, problem.Kind);
        Assert.Equal(score, problem.Given);
        Assert.Equal(Cows.Item(item)!.AllowedScores(), problem.AllowedScores);
        Assert.Contains(Cows.Item(item)!.Label, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cows_disallowed_values_include_the_skipped_scores_of_the_reference()
    {
        var skipped = DisallowedItemScores().Select(row => row.Data).ToHashSet();
        Assert.Contains((1, 3), skipped);
        Assert.Contains((3, 2), skipped);
        Assert.Contains((3, 4), skipped);
        Assert.Contains((4, 3), skipped);
        Assert.Contains((4, 4), skipped);
        Assert.Contains((7, 4), skipped);
        Assert.Contains((11, 1), skipped);
        Assert.Contains((11, 2), skipped);
        Assert.Contains((11, 4), skipped);
    }

    [Fact]
    public void Cows_with_a_missing_item_is_refused_naming_that_item()
    {
        var answers = Answers.AllMinimum(Cows);
        answers.Remove(7);

        var problem = Assert.Single(InstrumentScorer.Score(Cows, answers).Problems);

        Assert.Equal(7, problem.ItemNumber);
        Assert.Equal(ItemProblemKind.MissingItem, problem.Kind);
        Assert.Equal([0, 1, 2, 3, 5], problem.AllowedScores);
    }

    [Fact]
    public void Cows_with_an_unknown_item_12_is_refused()
    {
        var answers = Answers.AllMinimum(Cows);
        answers[12] = 0;

        var problem = Assert.Single(InstrumentScorer.Score(Cows, answers).Problems);

        Assert.Equal(12, problem.ItemNumber);
        Assert.Equal(ItemProblemKind.UnknownItem, problem.Kind);
    }

    [Fact]
    public void Cows_reports_every_problem_at_once_in_item_order()
    {
        var answers = Answers.AllMinimum(Cows);
        answers.Remove(2);
        answers[11] = 4;
        answers[0] = 1;

        var problems = InstrumentScorer.Score(Cows, answers).Problems;

        Assert.Equal([0, 2, 11], problems.Select(p => p.ItemNumber));
    }

    [Fact]
    public void Cows_score_keeps_every_item_answer()
    {
        var answers = Answers.WithTotal(Cows, 20);
        var score = ScoreOf(answers);
        Assert.Equal(answers.OrderBy(a => a.Key), score.Answers.OrderBy(a => a.Key));
    }
}
