using Speciosa.Clinical.Withdrawal.Instruments;
using Xunit;

namespace Speciosa.Clinical.Tests.Withdrawal;

public sealed class InstrumentCatalogTests
{
    [Fact]
    public void Catalog_lists_cows_both_sows_scales_and_craving()
    {
        Assert.Equal(["cows", "craving-vas", "sows-gossop", "sows-handelsman"], InstrumentCatalog.Default.All.Select(d => d.Id));
    }

    [Fact]
    public void Unknown_instrument_is_not_found()
    {
        Assert.Null(InstrumentCatalog.Default.Find("ciwa-ar"));
        Assert.Throws<KeyNotFoundException>(() => InstrumentCatalog.Default.Get("ciwa-ar"));
    }

    [Fact]
    public void Every_instrument_carries_a_version_source_and_as_of_date()
    {
        Assert.All(InstrumentCatalog.Default.All, d =>
        {
            Assert.True(d.Version >= 1);
            Assert.False(string.IsNullOrWhiteSpace(d.Source.Citation));
            Assert.False(string.IsNullOrWhiteSpace(d.AsOf));
        });
    }

    [Fact]
    public void Every_instrument_minimum_and_maximum_total_scores_to_its_published_range()
    {
        Assert.All(InstrumentCatalog.Default.All, d =>
        {
            Assert.Equal(d.TotalRange.Min, InstrumentScorer.Score(d, Answers.AllMinimum(d)).Score!.Total);
            Assert.Equal(d.TotalRange.Max, InstrumentScorer.Score(d, Answers.AllMaximum(d)).Score!.Total);
        });
    }

    [Fact]
    public void A_definition_whose_total_range_disagrees_with_its_items_is_refused()
    {
        var cows = InstrumentCatalog.Default.Get(InstrumentCatalog.CowsId);
        var broken = cows with { TotalRange = new ScoreRange { Min = 0, Max = 47 } };
        Assert.Throws<InvalidOperationException>(() => new InstrumentCatalog([broken]));
    }

    [Fact]
    public void A_definition_with_overlapping_bands_is_refused()
    {
        var cows = InstrumentCatalog.Default.Get(InstrumentCatalog.CowsId);
        var broken = cows with { Bands = [cows.Bands[0], cows.Bands[1] with { Min = 12 }, cows.Bands[2], cows.Bands[3]] };
        Assert.Throws<InvalidOperationException>(() => new InstrumentCatalog([broken]));
    }

    [Fact]
    public void A_pulse_cut_off_giving_a_score_the_item_does_not_allow_is_refused()
    {
        var cows = InstrumentCatalog.Default.Get(InstrumentCatalog.CowsId);
        var pulse = cows.Item(1)!;
        var badPulse = pulse with
        {
            Measurement = pulse.Measurement! with
            {
                Cutoffs = [new MeasurementCutoff { UpTo = 80, Score = 0 }, new MeasurementCutoff { UpTo = null, Score = 3 }],
            },
        };
        var broken = cows with { Items = [badPulse, .. cows.Items.Skip(1)] };
        Assert.Throws<InvalidOperationException>(() => new InstrumentCatalog([broken]));
    }

    [Fact]
    public void Pulse_cut_offs_out_of_order_are_refused()
    {
        var cows = InstrumentCatalog.Default.Get(InstrumentCatalog.CowsId);
        var pulse = cows.Item(1)!;
        var badPulse = pulse with
        {
            Measurement = pulse.Measurement! with
            {
                Cutoffs = [new MeasurementCutoff { UpTo = 100, Score = 1 }, new MeasurementCutoff { UpTo = 80, Score = 0 }, new MeasurementCutoff { Score = 4 }],
            },
        };
        var broken = cows with { Items = [badPulse, .. cows.Items.Skip(1)] };
        Assert.Throws<InvalidOperationException>(() => new InstrumentCatalog([broken]));
    }
}
