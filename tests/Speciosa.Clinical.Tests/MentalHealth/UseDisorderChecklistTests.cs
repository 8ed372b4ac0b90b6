using Speciosa.Clinical.MentalHealth;
using Xunit;

namespace Speciosa.Clinical.Tests.MentalHealth;

/// <summary>DSM-5 (APA 2013) use-disorder severity: 2–3 mild, 4–5 moderate, 6 or more severe; tolerance (10) and
/// withdrawal (11) not counted under appropriate medical supervision.</summary>
public sealed class UseDisorderChecklistTests
{
    [Theory]
    [InlineData(0, null)]
    [InlineData(1, null)]
    [InlineData(2, "mild")]
    [InlineData(3, "mild")]
    [InlineData(4, "moderate")]
    [InlineData(5, "moderate")]
    [InlineData(6, "severe")]
    [InlineData(11, "severe")]
    public void Severity_follows_the_number_of_criteria_met_DSM5(int count, string? severity)
    {
        var result = UseDisorderChecklist.Evaluate("opioid", Enumerable.Range(1, count).ToList(), underMedicalSupervision: false);

        Assert.Equal(severity, result.Severity);
        Assert.Equal(count, result.Counted.Count);
    }

    [Fact]
    public void Under_medical_supervision_tolerance_and_withdrawal_are_not_counted()
    {
        var result = UseDisorderChecklist.Evaluate("opioid", [1, 4, 10, 11], underMedicalSupervision: true);

        Assert.Equal([1, 4], result.Counted);
        Assert.Equal([10, 11], result.NotCountedUnderSupervision);
        Assert.Equal("mild", result.Severity);
        Assert.Contains("Not counted under medical supervision: tolerance (10), withdrawal (11)", result.Wording, StringComparison.Ordinal);
    }

    [Fact]
    public void Tolerance_and_withdrawal_alone_under_supervision_do_not_make_a_use_disorder()
    {
        var result = UseDisorderChecklist.Evaluate("kratom", [10, 11], underMedicalSupervision: true);

        Assert.Null(result.Severity);
        Assert.Contains("not met", result.Wording, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_supervision_tolerance_and_withdrawal_count()
    {
        Assert.Equal("mild", UseDisorderChecklist.Evaluate("kratom", [10, 11], underMedicalSupervision: false).Severity);
    }

    [Theory]
    [InlineData("alcohol", new[] { 1 }, "substance")]
    [InlineData("opioid", new[] { 12 }, "criteriaMet")]
    [InlineData("opioid", new[] { 0 }, "criteriaMet")]
    [InlineData("kratom", new[] { 3, 3 }, "criteriaMet")]
    public void A_wrong_substance_or_criterion_is_named(string substance, int[] met, string field)
    {
        Assert.Contains(field, UseDisorderChecklist.Problems(substance, met).Keys);
    }

    [Fact]
    public void There_are_eleven_paraphrased_criteria_and_the_file_says_they_are_paraphrased()
    {
        var criteria = UseDisorderCriteria.Default;
        Assert.Equal(Enumerable.Range(1, 11), criteria.Criteria.Select(c => c.Number));
        Assert.Equal([10, 11], criteria.Criteria.Where(c => c.Pharmacological).Select(c => c.Number));
        Assert.Contains("own words", criteria.ParaphraseNote, StringComparison.Ordinal);
        Assert.True(criteria.SupervisionRule.Kratom.Unconfirmed);
        Assert.False(criteria.SupervisionRule.Opioid.Unconfirmed);
    }
}
