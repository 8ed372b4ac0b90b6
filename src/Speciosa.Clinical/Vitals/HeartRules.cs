using System.Globalization;
using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Vitals;

/// <summary>The QTc thresholds of methadone QTc screening (Krantz et al., Ann Intern Med 2009; not in the project
/// reference, UNCONFIRMED): above 450 ms discuss, above 500 ms act. Judged on the newest ECG; only the higher rule is
/// raised. And the ECG prompt: a QT-prolonging medicine on the list and no ECG within the clinic's interval.</summary>
public static class HeartRules
{
    public const string QtcKey = "heart:qtc";
    public const string EcgNeededKey = "heart:ecg-needed";

    /// <summary>The drug class whose members prompt an ECG (interactions/drug-classes.json).</summary>
    public const string QtProlongingClass = "qt-prolonging";

    public static IReadOnlyList<Alert> EvaluateQtc(EcgReading newest, DateTimeOffset takenAt)
    {
        var heart = HeartCatalogue.Default;
        if (newest.QtcMs is not { } qtc || qtc <= heart.DiscussAboveMs)
        {
            return [];
        }

        var formula = heart.FormulaOf(newest.CorrectionFormula)?.Name ?? newest.CorrectionFormula ?? "not stated";
        List<AlertInput> inputs =
        [
            new("QTc", $"{qtc} ms"), new("Correction formula", formula),
            new("ECG taken at (UTC)", takenAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
        ];
        return qtc > heart.ActAboveMs
            ? [new Alert(VitalAlertRules.QtcAct, QtcKey,
                $"QTc {qtc} ms ({formula}) on the newest ECG is above {heart.ActAboveMs} ms: act — review the QT-prolonging medicines and kratom with the " +
                "prescriber, correct contributing factors (potassium, magnesium, other QT drugs) and repeat the ECG. Thresholds from methadone QTc screening (Krantz 2009).",
                inputs, $"QTc above {heart.ActAboveMs} ms: act (Krantz 2009, methadone QTc screening, applied by extension; UNCONFIRMED)")]
            : [new Alert(VitalAlertRules.QtcDiscuss, QtcKey,
                $"QTc {qtc} ms ({formula}) on the newest ECG is above {heart.DiscussAboveMs} ms: discuss the risks and benefits of the QT-prolonging " +
                "medicines and kratom with the patient and monitor the QTc more often. Thresholds from methadone QTc screening (Krantz 2009).",
                inputs, $"QTc above {heart.DiscussAboveMs} ms and up to {heart.ActAboveMs} ms: discuss (Krantz 2009, methadone QTc screening, applied by extension; UNCONFIRMED)")];
    }

    /// <summary>The medicines on the list that prompt an ECG: the QT-prolonging class, and the extra names (loperamide,
    /// whose QT risk is at high doses: the dose as recorded is shown for the clinician to judge).</summary>
    public static IReadOnlyList<(ListedMedicine Medicine, string Why)> QtMedicines(IReadOnlyList<ListedMedicine> medicines)
    {
        var found = new List<(ListedMedicine, string)>();
        foreach (var m in medicines)
        {
            if (m.ClassIds.Contains(QtProlongingClass, StringComparer.Ordinal))
            {
                found.Add((m, "QT-prolonging"));
            }
            else if (HeartCatalogue.Default.ExtraPromptMedicines.FirstOrDefault(p =>
                m.Name.Contains(p.Name, StringComparison.OrdinalIgnoreCase)) is { } extra)
            {
                found.Add((m, extra.Note));
            }
        }

        return found;
    }

    /// <summary>The ECG prompt: raised when a QT medicine is on the list, or intake is at or above the clinic's figure
    /// (<see cref="HighIntake"/>; no figure, no intake trigger), and the newest ECG is older than the clinic's interval (or
    /// there is none). An ECG taken exactly <c>EcgRecentDays</c> ago still counts. With a QT medicine listed the medicine
    /// rule is raised (high intake, if also found, is among its inputs); with high intake alone, the intake rule.</summary>
    public static Alert? EcgPrompt(IReadOnlyList<ListedMedicine> medicines, DateTimeOffset? newestEcgAt, DateTimeOffset now, VitalsThresholds thresholds,
        HighIntake? intake = null)
    {
        var qt = QtMedicines(medicines);
        var highIntake = intake is { IsHigh: true };
        if ((qt.Count == 0 && !highIntake) || (newestEcgAt is { } at && at >= now.AddDays(-thresholds.EcgRecentDays)))
        {
            return null;
        }

        var last = newestEcgAt is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "none recorded";
        var ecgText = newestEcgAt is null ? "no ECG recorded" : $"the newest ECG is from {last}";
        const string why = "Mitragynine blocks cardiac hERG channels in vitro and kratom users showed more borderline QTc (project reference 2.2): " +
            "record a QTc with its correction formula.";
        if (qt.Count == 0)
        {
            return new Alert(VitalAlertRules.EcgNeededForHighIntake, EcgNeededKey,
                $"ECG needed: kratom intake is at or above the clinic's figure ({intake!.Finding}) and {ecgText}. {why}",
                [new AlertInput("Intake", intake.Finding), new AlertInput("Newest ECG (UTC)", last)],
                $"{intake.Rule}, and {thresholds.EcgRecentText}");
        }

        var listed = string.Join("; ", qt.Select(q => $"{q.Medicine.Described} ({q.Why})"));
        List<AlertInput> inputs = [new AlertInput("QT medicines on the list", listed), new AlertInput("Newest ECG (UTC)", last)];
        if (highIntake)
        {
            inputs.Add(new AlertInput("Intake (also at or above the clinic's figure)", intake!.Finding));
        }

        return new Alert(VitalAlertRules.EcgNeeded, EcgNeededKey,
            $"ECG needed: {listed} on the medicine list{(highIntake ? " and kratom intake at or above the clinic's figure" : "")} and {ecgText}. {why}",
            inputs, $"a QT-prolonging medicine on the list and {thresholds.EcgRecentText}");
    }
}
