using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Products;

/// <summary>The judgement of one analyte under one standard, with the arithmetic in words, e.g.
/// "lead 0.8 µg/g × 15 g/day = 12 µg/day > 5 µg/day". <see cref="Unconfirmed"/> carries the
/// reference's mark on the limit so the page can show it.</summary>
public sealed record AnalyteFinding(
    string StandardId,
    int StandardVersion,
    string Analyte,
    QualityOutcome Outcome,
    string Limit,
    string Reason,
    Source Source,
    bool Unconfirmed = false)
{
    /// <summary>The result lies outside the standard's limit (SENAITE's out-of-range flag).</summary>
    public bool OutOfLimit => Outcome is QualityOutcome.Fail;
}
