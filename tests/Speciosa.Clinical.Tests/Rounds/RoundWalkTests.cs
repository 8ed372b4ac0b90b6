using Speciosa.Clinical.Rounds;
using Xunit;

namespace Speciosa.Clinical.Tests.Rounds;

public sealed class RoundWalkTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid();

    [Fact]
    public void The_first_patient_has_no_previous_and_the_second_next()
    {
        Assert.Equal(new RoundPlace(1, 3, null, B), RoundWalk.Of([A, B, C], A));
    }

    [Fact]
    public void A_middle_patient_has_both_neighbours() => Assert.Equal(new RoundPlace(2, 3, A, C), RoundWalk.Of([A, B, C], B));

    [Fact]
    public void The_last_patient_has_no_next() => Assert.Equal(new RoundPlace(3, 3, B, null), RoundWalk.Of([A, B, C], C));

    [Fact]
    public void A_patient_who_left_the_list_stands_before_the_first() =>
        Assert.Equal(new RoundPlace(0, 2, null, A), RoundWalk.Of([A, B], C));

    [Fact]
    public void An_empty_list_has_nowhere_to_go() => Assert.Equal(new RoundPlace(0, 0, null, null), RoundWalk.Of([], A));
}
