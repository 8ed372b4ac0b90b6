namespace Speciosa.Clinical.Products;

/// <summary>What a result tells about the true value, in the result's unit: the value itself
/// (detected), an upper bound (below the LOD or LOQ), or nothing (no LOD/LOQ stated).</summary>
internal readonly record struct ResultBound(decimal? Value, bool IsUpperBound, string Text, string? Unknown)
{
    public bool IsKnown => Value is not null;

    public static ResultBound Of(AnalyteResult result, string name) => result.Qualifier switch
    {
        ResultQualifier.Detected when result.Value is { } v =>
            new(v, false, $"{name} {Figures.Format(v)} {result.Unit}", null),
        ResultQualifier.Detected =>
            Unknowable($"{name} detected without a value"),
        ResultQualifier.BelowLoq when result.Loq is { } loq =>
            new(loq, true, $"{name} below LOQ {Figures.Format(loq)} {result.Unit}", null),
        ResultQualifier.BelowLoq =>
            Unknowable($"{name} below LOQ, but no LOQ is stated"),
        ResultQualifier.NotDetected or ResultQualifier.BelowLod when result.Lod is { } lod =>
            new(lod, true, $"{name} {Describe(result.Qualifier)} (LOD {Figures.Format(lod)} {result.Unit})", null),
        ResultQualifier.NotDetected or ResultQualifier.BelowLod =>
            Unknowable($"{name} {Describe(result.Qualifier)}, but no LOD is stated: the method cannot show compliance"),
        // AnalyteCatalogue.Check refuses undefined qualifiers; judging one anyway would be a guess.
        _ => throw new ArgumentOutOfRangeException(nameof(result), result.Qualifier, "Undefined result qualifier."),
    };

    private static ResultBound Unknowable(string why) => new(null, false, why, why);

    private static string Describe(ResultQualifier q) => q is ResultQualifier.BelowLod ? "below LOD" : "not detected";
}
