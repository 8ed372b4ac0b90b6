using Speciosa.Clinical.Liver;
using Xunit;

namespace Speciosa.Clinical.Tests.Liver;

public class DiliCriteriaTests
{
    [Theory]
    [InlineData(4.99, false)]
    [InlineData(5.0, true)]
    [InlineData(5.01, true)]
    public void Alt_at_five_times_uln_or_more_meets_the_first_criterion(double alt, bool met)
    {
        var dili = DiliCriteria.Evaluate(Lab.Panel(alt: (decimal)alt));

        Assert.Equal(met, dili.MetCriteria.Contains(DiliCriterion.AltAtLeast5TimesUln));
        Assert.Equal(met, dili.Met);
    }

    [Theory]
    [InlineData(1.99, false)]
    [InlineData(2.0, true)]
    [InlineData(2.01, true)]
    public void Alp_at_twice_uln_or_more_meets_the_second_criterion(double alp, bool met)
    {
        var dili = DiliCriteria.Evaluate(Lab.Panel(alp: (decimal)alp));

        Assert.Equal(met, dili.MetCriteria.Contains(DiliCriterion.AlpAtLeast2TimesUln));
    }

    [Theory]
    [InlineData(2.99, 2.01, false)]
    [InlineData(3.0, 2.01, true)]
    [InlineData(3.0, 2.0, false)]
    [InlineData(3.01, 2.01, true)]
    public void Alt_at_three_times_uln_with_bilirubin_above_twice_uln_meets_the_third_criterion(double alt, double bilirubin, bool met)
    {
        var dili = DiliCriteria.Evaluate(Lab.Panel(alt: (decimal)alt, bilirubin: (decimal)bilirubin));

        Assert.Equal(met, dili.MetCriteria.Contains(DiliCriterion.AltAtLeast3TimesUlnWithBilirubinAbove2TimesUln));
        Assert.Equal(met, dili.Met);
    }

    [Fact]
    public void A_criterion_whose_tests_are_missing_is_reported_not_evaluable()
    {
        var dili = DiliCriteria.Evaluate(Lab.Panel(alt: 1m));

        var third = dili.Outcomes.Single(o => o.Criterion == DiliCriterion.AltAtLeast3TimesUlnWithBilirubinAbove2TimesUln);
        Assert.False(third.Evaluable);
        Assert.False(dili.Outcomes.Single(o => o.Criterion == DiliCriterion.AlpAtLeast2TimesUln).Evaluable);
    }

    [Fact]
    public void A_raised_ggt_is_reported_beside_the_alp_criterion()
    {
        Assert.True(DiliCriteria.Evaluate(Lab.Panel(alp: 2m, ggt: 1.01m)).GgtRaised);
        Assert.False(DiliCriteria.Evaluate(Lab.Panel(alp: 2m, ggt: 1m)).GgtRaised);
        Assert.Null(DiliCriteria.Evaluate(Lab.Panel(alp: 2m)).GgtRaised);
    }
}
