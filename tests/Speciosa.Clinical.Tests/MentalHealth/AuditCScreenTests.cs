using Speciosa.Clinical.MentalHealth;
using Xunit;

namespace Speciosa.Clinical.Tests.MentalHealth;

/// <summary>AUDIT-C positive screen: 4 or more in men (Bush 1998), 3 or more in women (Bradley 2003); commonly used,
/// not universal, so the cut-off and its source travel with the reading.</summary>
public sealed class AuditCScreenTests
{
    [Theory]
    [InlineData("male", 3, false)]
    [InlineData("male", 4, true)]
    [InlineData("female", 2, false)]
    [InlineData("female", 3, true)]
    public void The_sex_specific_cut_off_decides_a_positive_screen(string sex, int total, bool positive)
    {
        var reading = AuditCScreen.Read(total, sex);

        Assert.Equal(positive, reading.Positive);
        Assert.True(reading.ValidatedForSex);
        Assert.Equal(sex == "male" ? 4 : 3, reading.PositiveFrom);
        Assert.False(string.IsNullOrWhiteSpace(reading.Source.Citation));
    }

    [Theory]
    [InlineData("intersex")]
    [InlineData("unknown")]
    [InlineData(null)]
    public void Without_a_validated_cut_off_for_the_recorded_sex_the_lower_one_is_used_and_said(string? sex)
    {
        var reading = AuditCScreen.Read(3, sex);

        Assert.True(reading.Positive);
        Assert.False(reading.ValidatedForSex);
        Assert.Contains("none is validated", reading.Wording, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cut_off_file_says_cut_offs_vary_between_studies()
    {
        Assert.Contains(AuditCCutoffs.Default.Notes, n => n.Contains("vary", StringComparison.Ordinal));
    }
}
