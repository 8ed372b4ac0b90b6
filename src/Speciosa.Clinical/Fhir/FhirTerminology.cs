namespace Speciosa.Clinical.Fhir;

/// <summary>The code systems Speciosa's FHIR R4 resources use, and the small judgements their mapping makes
/// (docs/fhir.md). LOINC codes come only from the knowledge files (liver/tests.json, vitals/vital-signs.json) or are
/// fixed by the R4 vital-signs profiles themselves; where no LOINC code is confirmed (the withdrawal instruments'
/// totals, PHQ-9, GAD-7 and AUDIT-C totals, the liver report) the local code system below is used. No LOINC code is made up here.</summary>
public static class FhirTerminology
{
    public const string Loinc = "http://loinc.org";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
    public const string Interpretation = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    public const string DiagnosticServiceSection = "http://terminology.hl7.org/CodeSystem/v2-0074";
    public const string DataAbsentReason = "http://terminology.hl7.org/CodeSystem/data-absent-reason";

    /// <summary>Speciosa's own namespace for canonical URLs and local codes. ".example" is reserved (RFC 2606), so it
    /// can never be mistaken for someone else's published system.</summary>
    public const string LocalBase = "https://speciosa.example/fhir";

    /// <summary>Local codes for an instrument's total score (e.g. <c>cows-total</c>): no LOINC code is confirmed for
    /// COWS, SOWS (Handelsman, Gossop), the craving VAS, PHQ-9, GAD-7 or AUDIT-C in the project's references (the shared
    /// reference, or the R4 specification data Hl7.Fhir.Specification.Data.R4 holds).</summary>
    public const string InstrumentScores = LocalBase + "/CodeSystem/instrument-score";

    /// <summary>Local codes for the grouping of liver results into one report (code <c>liver-tests</c>).</summary>
    public const string Reports = LocalBase + "/CodeSystem/report";

    /// <summary>Local codes for alert rules (the rule id, e.g. <c>liver.hys-law</c>).</summary>
    public const string AlertRules = LocalBase + "/CodeSystem/alert-rule";

    /// <summary>Local codes of the Flags: pregnancy, breastfeeding and planned conception as the record says, and a legal
    /// refusal of kratom supply where the patient lives.</summary>
    public const string Flags = LocalBase + "/CodeSystem/flag";

    public const string FlagPregnant = "pregnant";
    public const string FlagBreastfeeding = "breastfeeding";
    public const string FlagPlanningConception = "planning-conception";
    public const string FlagLegalRefusal = "kratom-supply-refused";

    /// <summary>Local codes of care-plan activity kinds (the ids of knowledge/careplans/activity-kinds.json).</summary>
    public const string CarePlanActivities = LocalBase + "/CodeSystem/care-plan-activity";

    /// <summary>The local code of an instrument's total score.</summary>
    public static string ScoreCode(string instrumentId) => instrumentId + "-total";

    /// <summary>The canonical URL of an instrument's Questionnaire (versioned separately: url|version).</summary>
    public static string QuestionnaireUrl(string instrumentId) => LocalBase + "/Questionnaire/" + instrumentId;

    /// <summary>The v3 ObservationInterpretation code of a value against its reference range: <c>L</c> below the low
    /// limit, <c>H</c> above the high limit, <c>N</c> within (both limits inclusive), null with no limit at all.
    /// Source: HL7 v3 ObservationInterpretation (R4 terminology), "H: above high normal", "L: below low normal".</summary>
    public static string? InterpretationOf(decimal value, decimal? low, decimal? high)
    {
        if (low is null && high is null)
        {
            return null;
        }

        if (low is { } l && value < l)
        {
            return "L";
        }

        return high is { } h && value > h ? "H" : "N";
    }

    /// <summary>The words of an interpretation code.</summary>
    public static string InterpretationDisplay(string code) => code switch
    {
        "L" => "Low",
        "H" => "High",
        _ => "Normal",
    };
}
