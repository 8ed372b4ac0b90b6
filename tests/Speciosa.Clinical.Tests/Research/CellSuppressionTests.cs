using Speciosa.Clinical.Research;
using Xunit;

namespace Speciosa.Clinical.Tests.Research;

/// <summary>Small-cell suppression of cohort counts after the CMS cell size suppression policy (1 to 10 not shown; the
/// figure from knowledge/research/cell-suppression.json, marked unconfirmed), with complementary suppression in a group.</summary>
public sealed class CellSuppressionTests
{
    private static readonly CellSuppression Rule = CellSuppression.Default;

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "<11")]
    [InlineData(10, "<11")]
    [InlineData(11, "11")]
    [InlineData(250, "250")]
    public void Cms_cell_size_policy_hides_counts_from_1_to_10_and_shows_0_and_11_up(int count, string shown) =>
        Assert.Equal(shown, Rule.Show(count));

    [Fact]
    public void A_lone_hidden_count_in_a_group_hides_the_smallest_other_count_so_the_total_does_not_reveal_it()
    {
        Assert.Equal(["<11", "30", "<11"], Rule.ShowGroup([4, 30, 12]));
        Assert.Equal(["0", "<11", "<11"], Rule.ShowGroup([0, 4, 40]));
        Assert.Equal(["<11", "<11", "40"], Rule.ShowGroup([3, 5, 40]));
        Assert.Equal(["0", "20", "40"], Rule.ShowGroup([0, 20, 40]));
    }

    [Fact]
    public void The_rule_names_its_source_and_says_it_is_unconfirmed()
    {
        Assert.Equal(11, Rule.MinimumShown);
        Assert.True(Rule.Unconfirmed);
        Assert.Contains("CMS cell size suppression policy", Rule.Rule, StringComparison.Ordinal);
        Assert.Contains("unconfirmed", Rule.Rule, StringComparison.Ordinal);
    }
}
