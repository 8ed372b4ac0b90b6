using Speciosa.Clinical.Withdrawal.Instruments;
using Xunit;

namespace Speciosa.Clinical.Tests.Withdrawal;

public sealed class SelfReportScoringTests
{
    private static readonly InstrumentDefinition Sows = InstrumentCatalog.Default.Get(InstrumentCatalog.SowsHandelsmanId);
    private static readonly InstrumentDefinition Gossop = InstrumentCatalog.Default.Get(InstrumentCatalog.SowsGossopId);
    private static readonly InstrumentDefinition Craving = InstrumentCatalog.Default.Get(InstrumentCatalog.CravingVasId);

    private static InstrumentScore ScoreOf(InstrumentDefinition d, Dictionary<int, int> answers)
    {
        var outcome = InstrumentScorer.Score(d, answers);
        Assert.True(outcome.IsScored, string.Join(" ", outcome.Problems.Select(p => p.Message)));
        return outcome.Score;
    }

    [Fact]
    public void Sows_has_the_sixteen_original_items_in_order_scored_0_to_4()
    {
        Assert.Equal(16, Sows.Items.Count);
        Assert.Equal("I feel anxious", Sows.Item(1)!.Label);
        Assert.Equal("I feel like shooting up now", Sows.Item(16)!.Label);
        Assert.All(Sows.Items, i => Assert.Equal([0, 1, 2, 3, 4], i.AllowedScores()));
    }

    [Fact]
    public void Sows_middle_option_labels_are_flagged_unconfirmed_and_the_anchors_are_not()
    {
        var options = Sows.Item(1)!.Options;
        Assert.Equal([false, true, true, true, false], options.Select(o => o.Unconfirmed));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(13)]
    [InlineData(32)]
    [InlineData(63)]
    [InlineData(64)]
    public void Sows_totals_from_0_to_64_score_with_no_band(int total)
    {
        var score = ScoreOf(Sows, Answers.WithTotal(Sows, total));
        Assert.Equal(total, score.Total);
        Assert.Null(score.Band);
        Assert.Null(score.BandLabel);
    }

    [Fact]
    public void Sows_has_no_severity_bands_at_all()
    {
        Assert.Empty(Sows.Bands);
        Assert.Equal(0, Sows.TotalRange.Min);
        Assert.Equal(64, Sows.TotalRange.Max);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    public void Sows_item_score_outside_0_to_4_is_refused(int score)
    {
        var answers = Answers.AllMinimum(Sows);
        answers[16] = score;
        var problem = Assert.Single(InstrumentScorer.Score(Sows, answers).Problems);
        Assert.Equal(ItemProblemKind.ScoreNotAllowed, problem.Kind);
        Assert.Equal([0, 1, 2, 3, 4], problem.AllowedScores);
    }

    [Fact]
    public void Sows_missing_and_unknown_items_are_both_reported()
    {
        var answers = Answers.AllMinimum(Sows);
        answers.Remove(3);
        answers[17] = 2;
        var problems = InstrumentScorer.Score(Sows, answers).Problems;
        Assert.Equal([(3, ItemProblemKind.MissingItem), (17, ItemProblemKind.UnknownItem)], problems.Select(p => (p.ItemNumber, p.Kind)));
    }

    [Fact]
    public void Gossop_has_ten_items_scored_0_to_3_total_0_to_30_and_no_bands()
    {
        Assert.Equal(10, Gossop.Items.Count);
        Assert.All(Gossop.Items, i => Assert.Equal([0, 1, 2, 3], i.AllowedScores()));
        Assert.Empty(Gossop.Bands);
        Assert.Equal(0, ScoreOf(Gossop, Answers.AllMinimum(Gossop)).Total);
        Assert.Equal(30, ScoreOf(Gossop, Answers.AllMaximum(Gossop)).Total);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void Gossop_item_score_outside_0_to_3_is_refused(int score)
    {
        var answers = Answers.AllMinimum(Gossop);
        answers[1] = score;
        Assert.Equal(ItemProblemKind.ScoreNotAllowed, Assert.Single(InstrumentScorer.Score(Gossop, answers).Problems).Kind);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(57)]
    [InlineData(99)]
    [InlineData(100)]
    public void Craving_accepts_any_whole_number_from_0_to_100(int craving)
    {
        var score = ScoreOf(Craving, new Dictionary<int, int> { [1] = craving });
        Assert.Equal(craving, score.Total);
        Assert.Null(score.BandLabel);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Craving_outside_0_to_100_is_refused_naming_the_range(int craving)
    {
        var problem = Assert.Single(InstrumentScorer.Score(Craving, new Dictionary<int, int> { [1] = craving }).Problems);
        Assert.Equal(ItemProblemKind.ScoreNotAllowed, problem.Kind);
        Assert.Contains("any whole number 0–100", problem.Message, StringComparison.Ordinal);
        Assert.Equal(101, problem.AllowedScores.Count);
    }

    [Fact]
    public void Craving_without_an_answer_is_refused()
    {
        var problem = Assert.Single(InstrumentScorer.Score(Craving, new Dictionary<int, int>()).Problems);
        Assert.Equal(ItemProblemKind.MissingItem, problem.Kind);
    }
}
