namespace Speciosa.Clinical.Liver;

/// <summary>A CTCAE v5 grade for one liver measurement. Grade 0 means below the grade-1 threshold of the
/// form used. <see cref="Multiple"/> is of ULN or of baseline, per <see cref="Form"/>.</summary>
public sealed record CtcaeGrade(
    LiverTest Test,
    string Term,
    int Grade,
    CtcaeForm Form,
    UlnMultiple Multiple,
    string Band,
    DateTimeOffset CollectedAt);
