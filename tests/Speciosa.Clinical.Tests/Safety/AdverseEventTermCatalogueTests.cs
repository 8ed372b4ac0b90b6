using Speciosa.Clinical.Safety;
using Xunit;

namespace Speciosa.Clinical.Tests.Safety;

public class AdverseEventTermCatalogueTests
{
    private static readonly AdverseEventTermCatalogue Terms = AdverseEventTermCatalogue.Default;

    [Theory]
    [InlineData("nausea")]
    [InlineData("constipation")]
    [InlineData("dizziness")]
    [InlineData("insomnia")]
    [InlineData("agitation")]
    [InlineData("tachycardia")]
    [InlineData("seizure")]
    [InlineData("jaundice")]
    [InlineData("pruritus")]
    [InlineData("vomiting")]
    [InlineData("drowsiness")]
    [InlineData("confusion")]
    [InlineData("hallucinations")]
    [InlineData("respiratory-depression")]
    public void The_common_terms_are_catalogued(string id)
    {
        Assert.NotNull(Terms.Find(id));
    }

    [Theory]
    [InlineData("agitation", "18.6%")]
    [InlineData("tachycardia", "16.9%")]
    [InlineData("drowsiness", "13.6%")]
    [InlineData("vomiting", "11.2%")]
    [InlineData("confusion", "8.1%")]
    [InlineData("seizure", "6.1%")]
    [InlineData("hallucinations", "4.8%")]
    [InlineData("respiratory-depression", "2.8%")]
    public void Poison_data_system_frequencies_are_kept_as_published_with_their_source(string id, string figure)
    {
        Assert.Contains(Terms.Get(id).Frequencies, f => f.Figure == figure && f.Source == "KS-S51");
    }

    [Theory]
    [InlineData("nausea")]
    [InlineData("dizziness")]
    public void Terms_without_a_confirmed_frequency_carry_none_and_are_marked_unconfirmed(string id)
    {
        var term = Terms.Get(id);
        Assert.Empty(term.Frequencies);
        Assert.True(term.Unconfirmed);
        Assert.Contains("UNCONFIRMED", term.Note!, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_frequency_names_its_population_and_a_catalogued_source()
    {
        Assert.All(Terms.Terms.SelectMany(t => t.Frequencies), f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Population));
            Assert.True(SafetySources.Contains(f.Source), f.Source);
        });
    }

    [Fact]
    public void Term_ids_are_unique()
    {
        Assert.Equal(Terms.Terms.Count, Terms.Terms.Select(t => t.Id).Distinct(StringComparer.Ordinal).Count());
    }
}
