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
                "DILI case criteria met: " + met + "." + (evaluation.RAtOnset is { } r ? $" Pattern at onset: {r.Pattern} (R = {Format(r.Value)})." : " R not computable at onset: ALT and ALP are both needed.")
                    + " Criteria read against the ULN: Aithal's advice to use the pre-exposure baseline instead when it is abnormal is not applied.",
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

        var newest = evaluation.Panels.LastOrDefault(p => FdaStoppingCriteria.Higher(p) is not null);
        if (newest is not null && FdaStoppingCriteria.Higher(newest) is var (test, multiple) && multiple.IsAbove(RepeatAboveTimesUln))
        {
            alerts.Add(new Alert(
                LiverAlertRules.AminotransferaseAbove3,
                "liver:aminotransferase-above-3x",
                $"{test} {multiple}ULN on the newest panel ({Day(newest.CollectedAt)}): above 3 × ULN. Close observation: repeat ALT, AST, ALP, total bilirubin and INR within 48–72 h, and ask about symptoms.",
                [
                    new AlertInput("Collected", Iso(newest.CollectedAt)),
                    Input("ALT", newest.TimesUln(LiverTest.Alt)),
                    Input("AST", newest.TimesUln(LiverTest.Ast)),
                ],
                "ALT or AST > 3 × ULN on the newest panel"));
        }

        if (InrAlert(evaluation) is { } inrAlert)
        {
            alerts.Add(inrAlert);
        }

        foreach (var criterion in evaluation.Stopping.Where(c => c.Status == StoppingCriterionStatus.Met))
        {
            alerts.Add(new Alert(
                LiverAlertRules.FdaStoppingCriterion,
                "liver:fda-stop:" + criterion.Id,
                $"FDA 2009 stopping criterion met: {criterion.Criterion}. {criterion.Detail} The guidance stops the drug at this point: review kratom with the supervising clinician now.",
                [
                    new AlertInput("Criterion", criterion.Criterion),
                    new AlertInput("First met", criterion.MetAt is { } at ? Iso(at) : "—"),
                    new AlertInput("Not computable here", FdaStoppingCriteria.Above3WithSymptomsText),
                ],
                criterion.Criterion));
        }

        return alerts;
    }

    /// <summary>The "repeat within 48–72 h" threshold: ALT or AST strictly above 3 × ULN (FDA 2009 [KS-S14]).</summary>
    public const decimal RepeatAboveTimesUln = 3m;

    /// <summary>The INR at or above which a raised aminotransferase is Critical (audit E4).</summary>
    public const decimal InrCriticalFrom = 1.5m;

    /// <summary>The newest INR ≥ 1.5 with ALT or AST above ULN collected within 72 h of it (nearest such panel).</summary>
    private static Alert? InrAlert(LiverEvaluation evaluation)
    {
        var inr = evaluation.Panels.Select(p => p[LiverTest.Inr]).OfType<LiverMeasurement>().LastOrDefault();
        if (inr is null || inr.Value < InrCriticalFrom)
        {
            return null;
        }

        var paired = evaluation.Panels
            .Where(p => FdaStoppingCriteria.Higher(p) is not null && (p.CollectedAt - inr.CollectedAt).Duration() <= FdaStoppingCriteria.InrPairedWithin)
            .OrderBy(p => (p.CollectedAt - inr.CollectedAt).Duration())
            .FirstOrDefault();
        if (paired is null || FdaStoppingCriteria.Higher(paired) is not var (test, multiple) || !multiple.IsAbove(1m))
        {
            return null;
        }

        return new Alert(
            LiverAlertRules.InrWithAminotransferaseRise,
            "liver:inr-with-aminotransferase-rise",
            $"INR {Format(inr.Value)} with {test} {multiple}ULN: impaired clotting with liver injury — possible severe drug-induced liver injury or acute liver failure. Assess the patient today (mental status for encephalopathy, bleeding) and discuss urgent hepatology referral; review kratom now.",
            [
                new AlertInput("INR", Format(inr.Value) + " (collected " + Iso(inr.CollectedAt) + ")"),
                Input("ALT", paired.TimesUln(LiverTest.Alt)),
                Input("AST", paired.TimesUln(LiverTest.Ast)),
                new AlertInput("ALT/AST collected", Iso(paired.CollectedAt)),
            ],
            "INR ≥ 1.5 with ALT or AST > 1 × ULN (collected within 72 h of each other)");
    }

    private static string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Iso(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static string FormText(CtcaeForm form) =>
        form == CtcaeForm.BaselineNormal ? "baseline normal: multiple of ULN" : "baseline abnormal: multiple of baseline";

    private static AlertInput Input(string name, UlnMultiple? multiple) =>
        new(name, multiple is { } m ? Format(m.Ratio) + " × ULN" : "not measured");

    private static string Format(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
