using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Liver;

/// <summary>The liver rules in the alert catalogue. Bump a rule's version when its logic or threshold changes.</summary>
public static class LiverAlertRules
{
    public static AlertRule PotentialHysLaw { get; } =
        new("liver.potential-hys-law", 1, AlertSeverity.Critical, "Potential Hy's law", LiverSources.FdaHysLaw2009);

    public static AlertRule DiliCriteriaMet { get; } =
        new("liver.dili-criteria-met", 1, AlertSeverity.High, "DILI case criteria met (Aithal 2011)", LiverSources.Aithal2011);

    public static AlertRule CtcaeGrade3OrHigher { get; } =
        new("liver.ctcae-grade-3-or-higher", 1, AlertSeverity.High, "Liver test CTCAE v5 grade 3 or higher", LiverSources.CtcaeV5);

    public static IReadOnlyList<AlertRule> All { get; } = [PotentialHysLaw, DiliCriteriaMet, CtcaeGrade3OrHigher];
}
