namespace Speciosa.Clinical.Liver;

/// <summary>R = (ALT / ALT ULN) ÷ (ALP / ALP ULN), from the first tests at injury onset [KS-S12][KS-S13].
/// Cut-offs are inclusive as in Aithal 2011 and [KS-S13]: R ≥ 5 hepatocellular, R ≤ 2 cholestatic,
/// 2 &lt; R &lt; 5 mixed; so exactly 5 is hepatocellular and exactly 2 cholestatic. (One secondary source
/// [KS-S12] writes strict &gt;5 and &lt;2.) The inclusive 5 also matches updated RUCAM's split at R ≥ 5.</summary>
public sealed record RRatio(UlnMultiple Alt, UlnMultiple Alp)
{
    public const decimal HepatocellularFrom = 5m;
    public const decimal CholestaticUpTo = 2m;

    // R as a fraction a/b with a = ALT × ALP-ULN and b = ALT-ULN × ALP, so boundaries compare exactly.
    private decimal Numerator => Alt.Value * Alp.Reference;

    private decimal Denominator => Alt.Reference * Alp.Value;

    public decimal Value => Numerator / Denominator;

    public InjuryPattern Pattern =>
        Numerator >= HepatocellularFrom * Denominator ? InjuryPattern.Hepatocellular
        : Numerator <= CholestaticUpTo * Denominator ? InjuryPattern.Cholestatic
        : InjuryPattern.Mixed;

    /// <summary>R from a panel holding both ALT and ALP (ALP above zero), else null.</summary>
    public static RRatio? From(LiverPanel panel) =>
        panel.TimesUln(LiverTest.Alt) is { } alt && panel.TimesUln(LiverTest.Alp) is { } alp && alp.Value > 0
            ? new RRatio(alt, alp)
            : null;
}
