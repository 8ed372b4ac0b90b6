using Speciosa.Clinical.Withdrawal.Instruments;
using Xunit;

namespace Speciosa.Clinical.Tests.Withdrawal;

public sealed class CowsPulseTests
{
    [Theory]
    [InlineData(20, 0)]
    [InlineData(80, 0)]
    [InlineData(81, 1)]
    [InlineData(100, 1)]
    [InlineData(101, 2)]
    [InlineData(120, 2)]
    [InlineData(121, 4)]
    [InlineData(250, 4)]
    public void Resting_pulse_scores_the_cows_pulse_item_at_each_boundary(int bpm, int expected)
    {
        var result = PulseScoring.CowsPulseItemScore(bpm);
        Assert.True(result.IsScored);
        Assert.Equal(expected, result.Score);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(19)]
    [InlineData(251)]
    [InlineData(400)]
    public void Implausible_pulse_is_refused_with_the_plausible_range(int bpm)
    {
        var result = PulseScoring.CowsPulseItemScore(bpm);
        Assert.False(result.IsScored);
        Assert.Contains("from 20 to 250", result.Problem, StringComparison.Ordinal);
    }
}
