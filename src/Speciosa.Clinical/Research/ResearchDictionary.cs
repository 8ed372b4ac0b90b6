using Speciosa.Clinical.Withdrawal.Instruments;

namespace Speciosa.Clinical.Research;

/// <summary>One variable of the research extract: which file, its name, type, unit, the instrument and version that
/// produced it (when one did), where its value comes from, and the source columns it is computed from (each classified
/// in <see cref="SafeHarbor.Columns"/>). <see cref="Through"/> names the Safe Harbor rule that makes an identifier column
/// safe to use (only <see cref="SafeHarbor.AgeRule"/>: the birth date becomes an age, over 89 grouped).</summary>
public sealed record ResearchVariable(
    string File, string Variable, string Type, string? Unit, string? Instrument, string Source, IReadOnlyList<string> FromColumns,
    string? Through = null);

/// <summary>The data dictionary of the research extract: three files — <c>patients</c> (one row a patient),
/// <c>patient-days</c> (one row a patient and shifted day with any recorded event), <c>events</c> (one row an assessment,
/// dose, liver result, adverse event or alert). Every variable is listed; nothing else is written.</summary>
public static class ResearchDictionary
{
    public const string Patients = "patients";
    public const string PatientDays = "patient-days";
    public const string Events = "events";

    public static IReadOnlyList<string> Files { get; } = [Patients, PatientDays, Events];

    public static IReadOnlyList<string> EventTypes { get; } = ["assessment", "dose", "liver-result", "adverse-event", "alert"];

    public static IReadOnlyList<ResearchVariable> Variables { get; } = Build();

    public static IReadOnlyList<ResearchVariable> Of(string file) => Variables.Where(v => v.File == file).ToList();

    private static string Instrument(string id)
    {
        var d = InstrumentCatalog.Default.Get(id);
        return $"{d.Name} v{d.Version} ({d.Source.Citation})";
    }

    private static List<ResearchVariable> Build()
    {
        const string StudyIdSource = "Random study id drawn for the patient at the first extract (not derived from any record)";
        string[] none = [];
        return
        [
            new(Patients, "study_id", "text", null, null, StudyIdSource, none),
            new(Patients, "age_at_enrolment", "integer or \"90+\"", "years", null,
                "Whole years from birth to the enrolment day; over 89 reported as 90+ (45 CFR 164.514(b)(2)(i)(C))",
                ["Patients.DateOfBirth", "Patients.CreatedAt"], SafeHarbor.AgeRule),
            new(Patients, "sex", "code", null, null, "Recorded sex: female, male, intersex, unknown", ["Patients.Sex"]),
            new(Patients, "country", "ISO 3166-1 alpha-2", null, null, "Country of residence", ["Patients.CountryCode"]),
            new(Patients, "state", "ISO 3166-2", null, null, "State or first-level subdivision (no smaller area is kept)", ["Patients.SubdivisionCode"]),
            new(Patients, "status", "code", null, null, "Care status: active, completed, withdrawn", ["Patients.Status"]),
            new(Patients, "enrolment_day", "date (shifted)", null, null, "Enrolment day in the clinic's zone, shifted by the patient's offset",
                ["Patients.CreatedAt"]),

            new(PatientDays, "study_id", "text", null, null, StudyIdSource, none),
            new(PatientDays, "day", "date (shifted)", null, null, "Clinic day, shifted by the patient's offset", none),
            new(PatientDays, "study_day", "integer", "days", null, "Days since the enrolment day (0 = enrolment; negative before)", none),
            new(PatientDays, "assessments", "integer", "count", null, "Assessments of any instrument that day", ["Assessments.AssessedAt"]),
            new(PatientDays, "cows_max", "integer", "score", Instrument(InstrumentCatalog.CowsId), "Highest COWS total that day (server-scored)",
                ["Assessments.Total", "Assessments.InstrumentId"]),
            new(PatientDays, "sows_max", "integer", "score", Instrument(InstrumentCatalog.SowsHandelsmanId),
                "Highest SOWS (Handelsman) total that day (server-scored)", ["Assessments.Total", "Assessments.InstrumentId"]),
            new(PatientDays, "doses", "integer", "count", null, "Doses logged that day (staff-given and patient-reported)", ["Doses.GivenAt"]),
            new(PatientDays, "grams", "decimal", "g", null, "Kratom grams logged that day (sum of doses)", ["Doses.Grams"]),
            new(PatientDays, "liver_results", "integer", "count", null, "Liver results collected that day (entered-in-error excluded)",
                ["LabResults.CollectedAt"]),
            new(PatientDays, "adverse_events", "integer", "count", null, "Adverse events with onset that day (entered-in-error excluded)",
                ["AdverseEvents.Onset"]),
            new(PatientDays, "alerts_raised", "integer", "count", null, "Decision-support alerts raised that day", ["Alerts.RaisedAt"]),

            new(Events, "study_id", "text", null, null, StudyIdSource, none),
            new(Events, "event_type", "code", null, null, "assessment, dose, liver-result, adverse-event or alert", none),
            new(Events, "at", "date-time (shifted)", null, null, "Time of the event in the clinic's zone, date shifted by the patient's offset",
                ["Assessments.AssessedAt", "Doses.GivenAt", "LabResults.CollectedAt", "AdverseEvents.Onset", "Alerts.RaisedAt"]),
            new(Events, "study_day", "integer", "days", null, "Days since the enrolment day", none),
            new(Events, "instrument", "code", null, "per row (instrument id)", "Assessment: instrument id of the catalogue",
                ["Assessments.InstrumentId"]),
            new(Events, "instrument_version", "integer", null, "per row", "Assessment: version of the instrument definition it was scored with",
                ["Assessments.InstrumentVersion"]),
            new(Events, "score", "integer", "score", "per row", "Assessment: server-computed total", ["Assessments.Total"]),
            new(Events, "band", "code", null, "per row", "Assessment: severity band of the instrument, if it has bands", ["Assessments.Band"]),
            new(Events, "patient_reported", "boolean", null, null, "Assessment or dose entered by the patient", ["Assessments.PatientReported", "Doses.Source"]),
            new(Events, "grams", "decimal", "g", null, "Dose: kratom grams", ["Doses.Grams"]),
            new(Events, "test", "code", null, null, "Liver result: test (Alt, Ast, Alp, TotalBilirubin, Ggt, Inr…)", ["LabResults.Test"]),
            new(Events, "loinc", "LOINC code", null, null, "Liver result: LOINC code of the test", ["LabResults.Loinc"]),
            new(Events, "value", "decimal", "per row (unit)", null, "Liver result: value as reported by the lab", ["LabResults.Value"]),
            new(Events, "unit", "UCUM", null, null, "Liver result: unit as reported", ["LabResults.Unit"]),
            new(Events, "uln", "decimal", "per row (unit)", null, "Liver result: the lab's upper limit of normal, if reported",
                ["LabResults.UpperLimitOfNormal"]),
            new(Events, "baseline", "boolean", null, null, "Liver result: flagged as the baseline panel", ["LabResults.IsBaseline"]),
            new(Events, "ae_term", "code", null, null, "Adverse event: catalogue term id (\"other\" when the term was typed; the text is dropped)",
                ["AdverseEvents.TermId"]),
            new(Events, "ae_grade", "integer", "CTCAE grade", "CTCAE v5", "Adverse event: grade 1–5", ["AdverseEvents.Grade"]),
            new(Events, "ae_serious", "boolean", null, null, "Adverse event: meets a seriousness criterion", ["AdverseEvents.Serious"]),
            new(Events, "ae_outcome", "code", null, null, "Adverse event: outcome", ["AdverseEvents.Outcome"]),
            new(Events, "ae_relatedness", "code", null, null, "Adverse event: relatedness to kratom as assessed", ["AdverseEvents.Relatedness"]),
            new(Events, "rule", "code", null, null, "Alert: rule id", ["Alerts.RuleId"]),
            new(Events, "rule_version", "integer", null, null, "Alert: rule version", ["Alerts.RuleVersion"]),
            new(Events, "severity", "code", null, null, "Alert: Info, Warning, High or Critical", ["Alerts.Severity"]),
            new(Events, "alert_status", "code", null, null, "Alert: open, acknowledged or resolved at the time of the extract", ["Alerts.Status"]),
        ];
    }
}
