using Speciosa.Clinical.MentalHealth;
using Speciosa.Clinical.Tests.Withdrawal;
using Speciosa.Clinical.Withdrawal.Instruments;
using Xunit;

namespace Speciosa.Clinical.Tests.MentalHealth;

/// <summary>PHQ-9 (Kroenke 2001: 5/10/15/20), GAD-7 (Spitzer 2006: 5/10/15) and AUDIT-C (Bush 1998: 0–12, no bands),
/// scored by the one InstrumentScorer at their minimum, maximum and on both sides of every band boundary.</summary>
public sealed class MentalHealthInstrumentTests
{
    private static InstrumentDefinition Def(string id) => MentalHealthInstruments.Catalog.Get(id);

    private static InstrumentScore ScoreOf(string id, Dictionary<int, int> answers)
    {
        var outcome = InstrumentScorer.Score(Def(id), answers);
        Assert.True(outcome.IsScored, string.Join(" ", outcome.Problems.Select(p => p.Message)));
        return outcome.Score;
    }

    [Fact]
    public void The_catalogue_holds_phq9_gad7_and_auditc_all_validated_for_self_report()
    {
        Assert.Equal(["audit-c", "gad-7", "phq-9"], MentalHealthInstruments.Catalog.All.Select(d => d.Id));
        Assert.All(MentalHealthInstruments.Catalog.All, d => Assert.Equal("patient", d.Respondent));
        Assert.All(MentalHealthInstruments.Catalog.All, d => Assert.False(string.IsNullOrWhiteSpace(d.Source.Citation)));
    }

    [Fact]
    public void Phq9_has_nine_items_scored_0_to_3_and_item_9_asks_about_self_harm()
    {
        var phq = Def("phq-9");
        Assert.Equal(9, phq.Items.Count);
        Assert.All(phq.Items, i => Assert.Equal([0, 1, 2, 3], i.AllowedScores()));
        Assert.Contains("hurting yourself", phq.Item(9)!.Label, StringComparison.Ordinal);
        Assert.Equal(0, phq.TotalRange.Min);
        Assert.Equal(27, phq.TotalRange.Max);
    }

    [Theory] // Kroenke, Spitzer, Williams 2001: 5, 10, 15, 20 = mild, moderate, moderately severe, severe.
    [InlineData(0, "none or minimal")]
    [InlineData(4, "none or minimal")]
    [InlineData(5, "mild")]
    [InlineData(9, "mild")]
    [InlineData(10, "moderate")]
    [InlineData(14, "moderate")]
    [InlineData(15, "moderately severe")]
    [InlineData(19, "moderately severe")]
    [InlineData(20, "severe")]
    [InlineData(27, "severe")]
    public void Phq9_totals_fall_in_the_published_bands_Kroenke_2001(int total, string band)
    {
        var score = ScoreOf("phq-9", Answers.WithTotal(Def("phq-9"), total));
        Assert.Equal(total, score.Total);
        Assert.Equal(band, score.BandLabel);
        Assert.Equal(1, score.InstrumentVersion);
    }

    [Theory] // Spitzer et al. 2006: 5, 10, 15 = mild, moderate, severe.
    [InlineData(0, "minimal")]
    [InlineData(4, "minimal")]
    [InlineData(5, "mild")]
    [InlineData(9, "mild")]
    [InlineData(10, "moderate")]
    [InlineData(14, "moderate")]
    [InlineData(15, "severe")]
    [InlineData(21, "severe")]
    public void Gad7_totals_fall_in_the_published_bands_Spitzer_2006(int total, string band)
    {
        Assert.Equal(7, Def("gad-7").Items.Count);
        var score = ScoreOf("gad-7", Answers.WithTotal(Def("gad-7"), total));
        Assert.Equal(total, score.Total);
        Assert.Equal(band, score.BandLabel);
    }

    [Theory] // Bush 1998: three items 0–4, total 0–12, no severity bands.
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(12)]
    public void AuditC_scores_0_to_12_with_no_band(int total)
    {
        var score = ScoreOf("audit-c", Answers.WithTotal(Def("audit-c"), total));
        Assert.Equal(total, score.Total);
        Assert.Null(score.BandLabel);
        Assert.Equal(12, Def("audit-c").TotalRange.Max);
    }

    [Theory]
    [InlineData("phq-9", 9, 4)]
    [InlineData("phq-9", 9, -1)]
    [InlineData("gad-7", 7, 4)]
    [InlineData("audit-c", 3, 5)]
    public void An_answer_outside_the_item_is_refused_naming_the_item_and_the_allowed_scores(string id, int item, int given)
    {
        var answers = Answers.AllMinimum(Def(id));
        answers[item] = given;

        var outcome = InstrumentScorer.Score(Def(id), answers);

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(item, problem.ItemNumber);
        Assert.Contains($"Item {item}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_phq9_item_9_is_refused_naming_item_9()
    {
        var answers = Answers.AllMinimum(Def("phq-9"));
        answers.Remove(9);

        var problem = Assert.Single(InstrumentScorer.Score(Def("phq-9"), answers).Problems);

        Assert.Equal(9, problem.ItemNumber);
        Assert.Equal(ItemProblemKind.MissingItem, problem.Kind);
    }
}
