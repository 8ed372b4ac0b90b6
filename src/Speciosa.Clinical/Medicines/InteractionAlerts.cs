using System.Globalization;
using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Medicines;

/// <summary>Raises one alert per medicine and matching rule (condition key
/// <c>interaction:{rule id}:{medicine key}</c>), and one per lot-level rule (<c>interaction:{rule id}:lot</c>).</summary>
public static class InteractionAlerts
{
    public static IReadOnlyList<Alert> Raise(IReadOnlyList<MedicineScreening> screenings, IReadOnlyList<InteractionRule> lotRules, int ruleBaseVersion)
    {
        ArgumentNullException.ThrowIfNull(screenings);
        ArgumentNullException.ThrowIfNull(lotRules);
        var alerts = new List<Alert>();
        var keys = new HashSet<string>(StringComparer.Ordinal);

        foreach (var screening in screenings)
        {
            foreach (var match in screening.Matches)
            {
                var key = $"interaction:{match.Rule.Id}:{screening.Medicine.Key}";
                if (!keys.Add(key))
                {
                    continue;
                }

                alerts.Add(new Alert(
                    InteractionRuleBase.ToAlertRule(match.Rule),
                    key,
                    $"{screening.Medicine.Name.Trim()} with kratom: {Describe(match.Rule)}",
                    [
                        new AlertInput("Medicine", screening.Medicine.Name.Trim()),
                        new AlertInput("RxNorm", string.IsNullOrWhiteSpace(screening.Medicine.RxNorm) ? "not recorded" : screening.Medicine.RxNorm.Trim()),
                        new AlertInput("Matched by", match.MatchedBy),
                        new AlertInput("Evidence", match.Rule.EvidenceSummary),
                        RuleBaseInput(ruleBaseVersion),
                    ],
                    Threshold(match.Rule)));
            }
        }

        foreach (var rule in lotRules)
        {
            alerts.Add(new Alert(
                InteractionRuleBase.ToAlertRule(rule),
                $"interaction:{rule.Id}:lot",
                Describe(rule),
                [
                    new AlertInput("Certificate of analysis", "no adulterant screen"),
                    new AlertInput("Evidence", rule.EvidenceSummary),
                    RuleBaseInput(ruleBaseVersion),
                ],
                "Kratom lot whose certificate of analysis has no adulterant screen"));
        }

        return alerts;
    }

    private static string Describe(InteractionRule rule) =>
        $"{rule.Title}. {rule.Effect} What to do: {rule.Monitoring}"
        + (rule.Unconfirmed && rule.UnconfirmedNote is { } note ? " UNCONFIRMED: " + note : string.Empty);

    private static string Threshold(InteractionRule rule) =>
        "Co-medication in " + string.Join(" or ", rule.Classes.Select(c => "class " + c))
        + (rule.Substances.Count > 0 ? ", or named: " + string.Join(", ", rule.Substances) : string.Empty);

    private static AlertInput RuleBaseInput(int version) =>
        new("Interaction rule base version", version.ToString(CultureInfo.InvariantCulture));
}
