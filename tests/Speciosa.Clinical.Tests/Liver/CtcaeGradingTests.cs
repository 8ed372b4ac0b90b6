using Speciosa.Clinical.Liver;
using Xunit;

namespace Speciosa.Clinical.Tests.Liver;

public class CtcaeGradingTests
{
    private static CtcaeGrade Grade(LiverTest test, decimal timesUln) =>
        CtcaeGrading.Grade(Lab.Measure(test, timesUln * 100m))!;

    // Baseline 200 against ULN 100: abnormal, so the multiple is of baseline.
    private static CtcaeGrade GradeAgainstAbnormalBaseline(LiverTest test, decimal timesBaseline) =>
        CtcaeGrading.Grade(Lab.Measure(test, timesBaseline * 200m, day: 10), Lab.Measure(test, 200m))!;

    [Theory]
    [InlineData(LiverTest.Alt, 1.0, 0)]
    [InlineData(LiverTest.Alt, 1.01, 1)]
    [InlineData(LiverTest.Alt, 3.0, 1)]
    [InlineData(LiverTest.Alt, 3.01, 2)]
    [InlineData(LiverTest.Alt, 5.0, 2)]
    [InlineData(LiverTest.Alt, 5.01, 3)]
    [InlineData(LiverTest.Alt, 20.0, 3)]
    [InlineData(LiverTest.Alt, 20.01, 4)]
    [InlineData(LiverTest.Ast, 1.0, 0)]
    [InlineData(LiverTest.Ast, 1.01, 1)]
    [InlineData(LiverTest.Ast, 3.0, 1)]
    [InlineData(LiverTest.Ast, 3.01, 2)]
    [InlineData(LiverTest.Ast, 5.0, 2)]
    [InlineData(LiverTest.Ast, 5.01, 3)]
    [InlineData(LiverTest.Ast, 20.0, 3)]
    [InlineData(LiverTest.Ast, 20.01, 4)]
    [InlineData(LiverTest.Alp, 1.0, 0)]
    [InlineData(LiverTest.Alp, 1.01, 1)]
    [InlineData(LiverTest.Alp, 2.5, 1)]
    [InlineData(LiverTest.Alp, 2.51, 2)]
    [InlineData(LiverTest.Alp, 5.0, 2)]
    [InlineData(LiverTest.Alp, 5.01, 3)]
    [InlineData(LiverTest.Alp, 20.0, 3)]
    [InlineData(LiverTest.Alp, 20.01, 4)]
    [InlineData(LiverTest.Ggt, 1.0, 0)]
    [InlineData(LiverTest.Ggt, 1.01, 1)]
    [InlineData(LiverTest.Ggt, 2.5, 1)]
    [InlineData(LiverTest.Ggt, 2.51, 2)]
    [InlineData(LiverTest.Ggt, 5.0, 2)]
    [InlineData(LiverTest.Ggt, 5.01, 3)]
    [InlineData(LiverTest.Ggt, 20.0, 3)]
    [InlineData(LiverTest.Ggt, 20.01, 4)]
    [InlineData(LiverTest.TotalBilirubin, 1.0, 0)]
    [InlineData(LiverTest.TotalBilirubin, 1.01, 1)]
    [InlineData(LiverTest.TotalBilirubin, 1.5, 1)]
    [InlineData(LiverTest.TotalBilirubin, 1.51, 2)]
    [InlineData(LiverTest.TotalBilirubin, 3.0, 2)]
    [InlineData(LiverTest.TotalBilirubin, 3.01, 3)]
    [InlineData(LiverTest.TotalBilirubin, 10.0, 3)]
    [InlineData(LiverTest.TotalBilirubin, 10.01, 4)]
    public void With_a_normal_baseline_the_grade_follows_multiples_of_uln(LiverTest test, double timesUln, int expected)
    {
        var grade = Grade(test, (decimal)timesUln);

        Assert.Equal(expected, grade.Grade);
        Assert.Equal(CtcaeForm.BaselineNormal, grade.Form);
    }

    [Theory]
    [InlineData(LiverTest.Alt, 1.49, 0)]
    [InlineData(LiverTest.Alt, 1.5, 1)]
    [InlineData(LiverTest.Alt, 3.0, 1)]
    [InlineData(LiverTest.Alt, 3.01, 2)]
    [InlineData(LiverTest.Alt, 5.0, 2)]
    [InlineData(LiverTest.Alt, 5.01, 3)]
    [InlineData(LiverTest.Alt, 20.0, 3)]
    [InlineData(LiverTest.Alt, 20.01, 4)]
    [InlineData(LiverTest.Ast, 1.49, 0)]
    [InlineData(LiverTest.Ast, 1.5, 1)]
    [InlineData(LiverTest.Ast, 3.01, 2)]
    [InlineData(LiverTest.Ast, 20.01, 4)]
    [InlineData(LiverTest.Alp, 1.99, 0)]
    [InlineData(LiverTest.Alp, 2.0, 1)]
    [InlineData(LiverTest.Alp, 2.5, 1)]
    [InlineData(LiverTest.Alp, 2.51, 2)]
    [InlineData(LiverTest.Alp, 5.0, 2)]
    [InlineData(LiverTest.Alp, 5.01, 3)]
    [InlineData(LiverTest.Alp, 20.0, 3)]
    [InlineData(LiverTest.Alp, 20.01, 4)]
    [InlineData(LiverTest.Ggt, 1.99, 0)]
    [InlineData(LiverTest.Ggt, 2.0, 1)]
    [InlineData(LiverTest.Ggt, 2.51, 2)]
    [InlineData(LiverTest.Ggt, 20.01, 4)]
    [InlineData(LiverTest.TotalBilirubin, 1.0, 0)]
    [InlineData(LiverTest.TotalBilirubin, 1.01, 1)]
    [InlineData(LiverTest.TotalBilirubin, 1.5, 1)]
    [InlineData(LiverTest.TotalBilirubin, 1.51, 2)]
    [InlineData(LiverTest.TotalBilirubin, 3.0, 2)]
    [InlineData(LiverTest.TotalBilirubin, 3.01, 3)]
    [InlineData(LiverTest.TotalBilirubin, 10.0, 3)]
    [InlineData(LiverTest.TotalBilirubin, 10.01, 4)]
    public void With_an_abnormal_baseline_the_grade_follows_multiples_of_baseline(LiverTest test, double timesBaseline, int expected)
    {
        var grade = GradeAgainstAbnormalBaseline(test, (decimal)timesBaseline);

        Assert.Equal(expected, grade.Grade);
        Assert.Equal(CtcaeForm.BaselineAbnormal, grade.Form);
    }

    [Fact]
    public void A_baseline_at_uln_counts_as_normal()
    {
        var grade = CtcaeGrading.Grade(Lab.Measure(LiverTest.Alt, 301m, day: 5), Lab.Measure(LiverTest.Alt, 100m))!;

        Assert.Equal(CtcaeForm.BaselineNormal, grade.Form);
        Assert.Equal(2, grade.Grade);
    }
}
