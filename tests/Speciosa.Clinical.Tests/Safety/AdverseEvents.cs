using Speciosa.Clinical.Safety;

namespace Speciosa.Clinical.Tests.Safety;

/// <summary>Adverse-event reports for the tests: a valid grade-2 nausea by default, adjusted per test.</summary>
internal static class AdverseEvents
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public static AdverseEventReport Report(
        int grade = 2,
        string? termId = "nausea",
        string? otherTerm = null,
        string outcome = "recovering",
        string relatedness = "possible",
        DateTimeOffset? onset = null,
        DateTimeOffset? resolvedAt = null,
        params string[] criteria) =>
        new("ae-1", termId, otherTerm, grade, onset ?? Now.AddDays(-1), resolvedAt, outcome, relatedness, criteria);

    public static AdverseEvent Valid(AdverseEventReport report) =>
        AdverseEventValidation.Validate(report, Now).Event
            ?? throw new InvalidOperationException("The test report is not valid.");
}
