using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Liver;

/// <summary>The liver rules in the alert catalogue. Bump a rule's version when its logic or threshold changes.</summary>
public static class LiverAlertRules
{
    public static AlertRule PotentialHysLaw { get; } =
        new("liver.potential-hys-law", 1, AlertSeverity.Critical, "Potential Hy's law", LiverSources.FdaHysLaw2009);

    /// <summary>v2: the message says Aithal's baseline-instead-of-ULN adjustment is not applied (audit E16).</summary>
    public static AlertRule DiliCriteriaMet { get; } =
        new("liver.dili-criteria-met", 2, AlertSeverity.High, "DILI case criteria met (Aithal 2011)", LiverSources.Aithal2011);

    public static AlertRule CtcaeGrade3OrHigher { get; } =
        new("liver.ctcae-grade-3-or-higher", 1, AlertSeverity.High, "Liver test CTCAE v5 grade 3 or higher", LiverSources.CtcaeV5);

    /// <summary>ALT or AST &gt; 3 × ULN on the newest panel: close observation, repeat within 48–72 h (FDA 2009, audit E4).</summary>
    public static AlertRule AminotransferaseAbove3 { get; } =
        new("liver.aminotransferase-above-3x-uln", 1, AlertSeverity.High, "ALT or AST above 3 × ULN: repeat liver tests within 48–72 h", LiverSources.FdaHysLaw2009);

    /// <summary>INR ≥ 1.5 with ALT or AST above ULN: possible severe DILI or acute liver failure (audit E4).</summary>
    public static AlertRule InrWithAminotransferaseRise { get; } =
        new("liver.inr-with-aminotransferase-rise", 1, AlertSeverity.Critical, "INR ≥ 1.5 with raised ALT or AST: possible severe liver injury", LiverSources.InrSevereDili);

    /// <summary>A computable FDA 2009 stopping criterion met (one alert per criterion).</summary>
    public static AlertRule FdaStoppingCriterion { get; } =
        new("liver.fda-2009-stopping-criterion", 1, AlertSeverity.High, "FDA 2009 DILI stopping criterion met", LiverSources.FdaHysLaw2009);

    public static IReadOnlyList<AlertRule> All { get; } =
        [PotentialHysLaw, DiliCriteriaMet, CtcaeGrade3OrHigher, AminotransferaseAbove3, InrWithAminotransferaseRise, FdaStoppingCriterion];
}
