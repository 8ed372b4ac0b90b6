using System.Globalization;
using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Safety;

/// <summary>Decides whether a validated adverse event is serious and raises its immediate alert.
/// Serious = any seriousness criterion (FDA/ICH set, LOCAL-SERIOUSNESS), or CTCAE grade 4 or higher
/// (LOCAL-SERIOUS-GRADE). Grade measures severity and the criteria measure seriousness; the two are different
/// scales, and the grade rule is a house choice so that a grade 4-5 event is never left without an alert when
/// no criterion was ticked. Critical for death, life-threatening or grade 4-5; High for the other criteria.</summary>
public static class AdverseEventAssessment
{
    /// <summary>The lowest CTCAE grade treated as serious on its own.</summary>
    public const int SeriousFromGrade = 4;

    public static AdverseEventAssessmentResult Assess(AdverseEvent adverseEvent)
    {
        ArgumentNullException.ThrowIfNull(adverseEvent);
        var reasons = adverseEvent.SeriousnessCriteria.Select(Describe).ToList();
        var severeGrade = adverseEvent.Grade >= SeriousFromGrade;
        if (severeGrade)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"CTCAE grade {adverseEvent.Grade} (grade {SeriousFromGrade} or higher)"));
        }

        var liver = LiverSymptom(adverseEvent);
        if (reasons.Count == 0)
        {
            return new AdverseEventAssessmentResult(false, reasons, null, liver);
        }

        var critical = severeGrade
            || adverseEvent.SeriousnessCriteria.Contains(SeriousnessCriterion.Death)
            || adverseEvent.SeriousnessCriteria.Contains(SeriousnessCriterion.LifeThreatening);
        var rule = critical ? AdverseEventAlertRules.SeriousLifeThreateningOrFatal : AdverseEventAlertRules.Serious;
        var alert = new Alert(
            rule,
            "safety:adverse-event:" + adverseEvent.Reference,
            $"Serious adverse event: {adverseEvent.TermText}, CTCAE grade {adverseEvent.Grade.ToString(CultureInfo.InvariantCulture)}. "
                + "Serious because: " + string.Join("; ", reasons) + ". Review now; follow the clinic's expedited reporting procedure.",
            [
                new AlertInput("Term", adverseEvent.TermText),
                new AlertInput("CTCAE grade", adverseEvent.Grade.ToString(CultureInfo.InvariantCulture)),
                new AlertInput("Onset", adverseEvent.Onset.ToString("O", CultureInfo.InvariantCulture)),
                new AlertInput("Outcome", adverseEvent.Outcome.ToString()),
                new AlertInput("Relatedness to kratom", adverseEvent.Relatedness.ToString()),
                new AlertInput("Seriousness criteria", adverseEvent.SeriousnessCriteria.Count == 0 ? "none ticked" : string.Join(", ", adverseEvent.SeriousnessCriteria)),
            ],
            $"Any seriousness criterion, or CTCAE grade ≥ {SeriousFromGrade}");
        return new AdverseEventAssessmentResult(true, reasons, alert, liver);
    }

    /// <summary>Words that mark a described ("other") term as a liver-injury symptom, matched case-insensitively.</summary>
    public static IReadOnlyList<string> LiverSymptomWords { get; } =
        ["jaundice", "jaundiced", "yellow skin", "yellow eyes", "icterus", "dark urine", "itch", "pruritus", "right upper quadrant", "right-upper-quadrant", "RUQ"];

    /// <summary>The "liver panel now" alert for a catalogued liver-symptom term or a described term naming one; else null.</summary>
    public static Alert? LiverSymptom(AdverseEvent adverseEvent)
    {
        ArgumentNullException.ThrowIfNull(adverseEvent);
        return LiverSymptom(adverseEvent.Term, adverseEvent.TermText, adverseEvent.Grade, adverseEvent.Onset,
            adverseEvent.SeriousnessCriteria.Count > 0 || adverseEvent.Grade >= SeriousFromGrade ? "yes" : "no", adverseEvent.Reference);
    }

    /// <summary>Whether a term (catalogued, or described in words) is a liver-injury symptom (LOCAL-LIVER-SYMPTOMS): the one
    /// definition the recorded events and the patient's side-effect drafts share.</summary>
    public static bool IsLiverSymptom(AdverseEventTerm? term, string termText) =>
        term is not null ? term.LiverSymptom : LiverSymptomWords.Any(w => termText.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>The same alert for an event not yet validated by a clinician, such as a patient's side-effect draft
    /// (<paramref name="serious"/> is then "not assessed").</summary>
    public static Alert? LiverSymptom(AdverseEventTerm? term, string termText, int grade, DateTimeOffset onset, string serious, string reference)
    {
        ArgumentNullException.ThrowIfNull(termText);
        if (!IsLiverSymptom(term, termText))
        {
            return null;
        }

        return new Alert(
            AdverseEventAlertRules.LiverSymptomPanelNow,
            "safety:liver-symptom:" + reference,
            $"{termText} recorded: a possible sign of liver injury. Take a liver panel now (ALT, AST, ALP, total bilirubin, INR), whatever the seriousness; "
                + "kratom liver injury typically starts about 2 weeks after starting (median 14 days, DILIN) and every case in that series was jaundiced.",
            [
                new AlertInput("Term", termText),
                new AlertInput("CTCAE grade", grade.ToString(CultureInfo.InvariantCulture)),
                new AlertInput("Onset", onset.ToString("O", CultureInfo.InvariantCulture)),
                new AlertInput("Serious", serious),
            ],
            "Adverse event of jaundice, dark urine, itching (pruritus) or right-upper-quadrant pain, any seriousness");
    }

    private static string Describe(SeriousnessCriterion criterion) => criterion switch
    {
        SeriousnessCriterion.Death => "resulted in death",
        SeriousnessCriterion.LifeThreatening => "life-threatening",
        SeriousnessCriterion.Hospitalisation => "required or prolonged hospitalisation",
        SeriousnessCriterion.Disability => "persistent or significant disability or incapacity",
        SeriousnessCriterion.CongenitalAnomaly => "congenital anomaly or birth defect",
        SeriousnessCriterion.OtherImportantMedicalEvent => "other important medical event",
        _ => throw new ArgumentOutOfRangeException(nameof(criterion), criterion, "Unknown seriousness criterion."),
    };
}
