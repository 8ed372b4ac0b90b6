using Speciosa.Clinical.Regimens;
using Xunit;

namespace Speciosa.Clinical.Tests.Regimens;

/// <summary>Dose status as on a medication administration record: given, held, refused, missed; every status but
/// given carries its reason (issue 15 item 2).</summary>
public sealed class DoseStatusTests
{
    [Theory]
    [InlineData(null, DoseStatus.Given)]
    [InlineData("", DoseStatus.Given)]
    [InlineData("given", DoseStatus.Given)]
    [InlineData("Held", DoseStatus.Held)]
    [InlineData(" refused ", DoseStatus.Refused)]
    [InlineData("MISSED", DoseStatus.Missed)]
    public void A_status_is_read_by_name_and_an_absent_one_is_given(string? text, DoseStatus expected) =>
        Assert.Equal(expected, DoseStatuses.Parse(text));

    [Theory]
    [InlineData("skipped")]
    [InlineData("1")]
    [InlineData("given-late")]
    public void An_unknown_status_is_not_read(string text) => Assert.Null(DoseStatuses.Parse(text));

    [Theory]
    [InlineData(DoseStatus.Held)]
    [InlineData(DoseStatus.Refused)]
    [InlineData(DoseStatus.Missed)]
    public void A_dose_not_given_needs_its_reason(DoseStatus status)
    {
        Assert.Contains(DoseStatuses.Word(status), DoseStatuses.ReasonProblem(status, null));
        Assert.NotNull(DoseStatuses.ReasonProblem(status, "   "));
        Assert.Null(DoseStatuses.ReasonProblem(status, "Sedated (POSS 3) at 09:10; clinician told."));
    }

    [Fact]
    public void A_given_dose_needs_no_reason() => Assert.Null(DoseStatuses.ReasonProblem(DoseStatus.Given, null));

    [Fact]
    public void A_reason_is_at_most_500_characters()
    {
        Assert.Null(DoseStatuses.ReasonProblem(DoseStatus.Held, new string('x', 500)));
        Assert.NotNull(DoseStatuses.ReasonProblem(DoseStatus.Held, new string('x', 501)));
    }
}
