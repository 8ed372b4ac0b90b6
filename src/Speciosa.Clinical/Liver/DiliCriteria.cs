namespace Speciosa.Clinical.Liver;

/// <summary>One DILI criterion checked on one panel. <see cref="Evaluable"/> is false when a test it
/// needs was not in the panel (then it is not met).</summary>
public sealed record DiliCriterionOutcome(DiliCriterion Criterion, bool Evaluable, bool Met, string Threshold);

/// <summary>Aithal 2011 DILI case criteria on one panel [KS-S11]. <see cref="GgtRaised"/> supports the ALP
/// criterion (null: GGT not measured); bone disease must be excluded by the clinician. Aithal's advice to
/// use pre-event baseline in place of ULN when baseline is abnormal is UNCONFIRMED in the reference and
/// is not applied.</summary>
public sealed record DiliCriteria(DateTimeOffset CollectedAt, IReadOnlyList<DiliCriterionOutcome> Outcomes, bool? GgtRaised)
{
    public const string ThresholdAlt5 = "ALT ≥ 5 × ULN";
    public const string ThresholdAlp2 = "ALP ≥ 2 × ULN";
    public const string ThresholdAlt3Bilirubin2 = "ALT ≥ 3 × ULN and total bilirubin > 2 × ULN";

    public bool Met => Outcomes.Any(o => o.Met);

    public IReadOnlyList<DiliCriterion> MetCriteria => Outcomes.Where(o => o.Met).Select(o => o.Criterion).ToList();

    public static DiliCriteria Evaluate(LiverPanel panel)
    {
        var alt = panel.TimesUln(LiverTest.Alt);
        var alp = panel.TimesUln(LiverTest.Alp);
        var bilirubin = panel.TimesUln(LiverTest.TotalBilirubin);
        var ggt = panel.TimesUln(LiverTest.Ggt);

        DiliCriterionOutcome[] outcomes =
        [
            new(DiliCriterion.AltAtLeast5TimesUln, alt is not null, alt is { } a5 && a5.IsAtLeast(5m), ThresholdAlt5),
            new(DiliCriterion.AlpAtLeast2TimesUln, alp is not null, alp is { } p && p.IsAtLeast(2m), ThresholdAlp2),
            new(
                DiliCriterion.AltAtLeast3TimesUlnWithBilirubinAbove2TimesUln,
                alt is not null && bilirubin is not null,
                alt is { } a3 && a3.IsAtLeast(3m) && bilirubin is { } b && b.IsAbove(2m),
                ThresholdAlt3Bilirubin2),
        ];
        return new DiliCriteria(panel.CollectedAt, outcomes, ggt is { } g ? g.IsAbove(1m) : null);
    }
}
