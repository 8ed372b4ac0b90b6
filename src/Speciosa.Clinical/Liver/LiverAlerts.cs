using System.Globalization;
using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Liver;

/// <summary>Raises the liver alerts an evaluation calls for; one per rule and condition key.</summary>
public static class LiverAlerts
{
    public static IReadOnlyList<Alert> Raise(LiverEvaluation evaluation)
    {
        var alerts = new List<Alert>();

        var hysLaw = evaluation.HysLaw;
        if (hysLaw.IsPotentialHysLaw)
        {
            var alpNote = hysLaw.NoInitialCholestasis is null ? " ALP at onset not available: cholestasis not excluded." : string.Empty;
            alerts.Add(new Alert(
                LiverAlertRules.PotentialHysLaw,
                "liver:hys-law",
                "Potential Hy's law: aminotransferase and bilirubin criteria met on peak values. Review for other causes (viral hepatitis, liver disease, other hepatotoxic drugs)." + alpNote,
                [
                    Input("Peak ALT", hysLaw.Peaks.Alt),
                    Input("Peak AST", hysLaw.Peaks.Ast),
                    Input("Peak total bilirubin", hysLaw.Peaks.TotalBilirubin),
                    Input("ALP at onset", hysLaw.Peaks.AlpAtAminotransferaseOnset),
                ],
                HysLaw.Threshold));
        }

        if (evaluation.DiliOnset is { } dili)
        {
            var met = string.Join("; ", dili.Outcomes.Where(o => o.Met).Select(o => o.Threshold));
            var panel = evaluation.Panels.First(p => p.CollectedAt == dili.CollectedAt);
            alerts.Add(new Alert(
                LiverAlertRules.DiliCriteriaMet,
                "liver:dili",
                "DILI case criteria met: " + met + "." + (evaluation.RAtOnset is { } r ? $" Pattern at onset: {r.Pattern} (R = {Format(r.Value)})." : string.Empty),
                [
                    new AlertInput("Collected", dili.CollectedAt.ToString("O", CultureInfo.InvariantCulture)),
                    Input("ALT", panel.TimesUln(LiverTest.Alt)),
                    Input("ALP", panel.TimesUln(LiverTest.Alp)),
                    Input("Total bilirubin", panel.TimesUln(LiverTest.TotalBilirubin)),
                ],
                string.Join(" or ", DiliCriteria.ThresholdAlt5, DiliCriteria.ThresholdAlp2, DiliCriteria.ThresholdAlt3Bilirubin2)));
        }

        foreach (var worst in evaluation.Grades.Where(g => g.Grade >= 3).GroupBy(g => g.Test).Select(g => g.MaxBy(x => x.Grade)!))
        {
            alerts.Add(new Alert(
                LiverAlertRules.CtcaeGrade3OrHigher,
                "liver:ctcae:" + worst.Test,
                $"{worst.Term}: CTCAE v5 grade {worst.Grade} ({worst.Band}, {FormText(worst.Form)}).",
                [
                    new AlertInput(worst.Test.ToString(), Format(worst.Multiple.Ratio) + (worst.Form == CtcaeForm.BaselineNormal ? " × ULN" : " × baseline")),
                    new AlertInput("Collected", worst.CollectedAt.ToString("O", CultureInfo.InvariantCulture)),
                ],
                "CTCAE v5 grade ≥ 3"));
        }

        return alerts;
    }

    private static string FormText(CtcaeForm form) =>
        form == CtcaeForm.BaselineNormal ? "baseline normal: multiple of ULN" : "baseline abnormal: multiple of baseline";

    private static AlertInput Input(string name, UlnMultiple? multiple) =>
        new(name, multiple is { } m ? Format(m.Ratio) + " × ULN" : "not measured");

    private static string Format(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
