using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Model;
using Speciosa.Clinical.Fhir;
using Speciosa.Clinical.Liver;
using Speciosa.Clinical.Withdrawal.Instruments;
using Speciosa.Web.Alerts;
using Speciosa.Web.Liver;
using Speciosa.Web.Products;
using Speciosa.Web.Regimens;
using Speciosa.Web.Safety;
using Speciosa.Web.Vitals;
using Speciosa.Web.Withdrawal;
using SpeciosaPatient = Speciosa.Web.Patients.Patient;
using T = Speciosa.Clinical.Fhir.FhirTerminology;

namespace Speciosa.Web.Fhir;

/// <summary>The mapping from Speciosa's records to FHIR R4 resources (docs/fhir.md). Pure: records in, resources out.</summary>
public static class FhirResources
{
    public const string VitalSignsProfile = "http://hl7.org/fhir/StructureDefinition/vitalsigns";

    public static Patient Patient(SpeciosaPatient p) => new()
    {
        Id = p.Id.ToString(),
        Meta = new Meta { LastUpdated = p.UpdatedAt },
        Identifier = [new Identifier(T.LocalBase + "/NamingSystem/patient-id", p.Id.ToString())],
        Active = p.Status == Patients.PatientVocabulary.Active,
        Name = [new HumanName { Use = HumanName.NameUse.Official, Family = p.FamilyName, Given = [p.GivenName] }],
        Gender = p.Sex switch
        {
            "female" => AdministrativeGender.Female,
            "male" => AdministrativeGender.Male,
            "intersex" => AdministrativeGender.Other,
            _ => AdministrativeGender.Unknown,
        },
        BirthDate = p.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Telecom = Telecoms(p),
        Address = [new Address { Country = p.CountryCode, State = p.SubdivisionCode }],
    };

    private static List<ContactPoint> Telecoms(SpeciosaPatient p)
    {
        var list = new List<ContactPoint>();
        if (!string.IsNullOrWhiteSpace(p.Phone))
        {
            list.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, p.Phone));
        }

        if (!string.IsNullOrWhiteSpace(p.Email))
        {
            list.Add(new ContactPoint(ContactPoint.ContactPointSystem.Email, null, p.Email));
        }

        return list;
    }

    private static ResourceReference Subject(Guid patientId) => new("Patient/" + patientId);

    /// <summary>A liver result as a laboratory Observation: LOINC code, the value and UCUM unit as reported, and the range
    /// its ×ULN was judged against (the lab's, or the clinic default, said so in the range's text).</summary>
    public static Observation LabObservation(Guid patientId, LabResultView r)
    {
        var name = LiverTestCatalogue.Default.Tests.FirstOrDefault(t => t.Loinc == r.Loinc)?.Name;
        var observation = new Observation
        {
            Id = r.Id.ToString(),
            Status = r.EnteredInError ? ObservationStatus.EnteredInError : ObservationStatus.Final,
            Category = [new CodeableConcept(T.ObservationCategory, "laboratory", "Laboratory")],
            Code = new CodeableConcept(T.Loinc, r.Loinc, name, name),
            Subject = Subject(patientId),
            Effective = new FhirDateTime(r.CollectedAt),
            Value = Ucum(r.Value, r.Unit),
        };
        if (r.ReferenceLow is not null || r.UpperLimitOfNormal is not null)
        {
            observation.ReferenceRange.Add(new Observation.ReferenceRangeComponent
            {
                Low = r.ReferenceLow is { } low ? Ucum(low, r.Unit) : null,
                High = r.UpperLimitOfNormal is { } high ? Ucum(high, r.Unit) : null,
                Text = r.UlnOrigin == nameof(UlnOrigin.Lab) ? "The reporting lab's reference range" : "Upper limit: the clinic's default (the lab gave none)",
            });
            if (T.InterpretationOf(r.Value, r.ReferenceLow, r.UpperLimitOfNormal) is { } flag)
            {
                observation.Interpretation.Add(new CodeableConcept(T.Interpretation, flag, T.InterpretationDisplay(flag)));
            }
        }

        if (r.IsBaseline)
        {
            observation.Note.Add(new Annotation { Text = new Markdown("Pre-exposure baseline.") });
        }

        if (r.EnteredInError && !string.IsNullOrWhiteSpace(r.EnteredInErrorReason))
        {
            observation.Note.Add(new Annotation { Text = new Markdown("Entered in error: " + r.EnteredInErrorReason) });
        }

        return observation;
    }

    /// <summary>The id of the report a result belongs to: results collected at the same instant from the same lab form
    /// one report, named by the smallest result id in it (stable while the results are).</summary>
    public static IReadOnlyList<(string Id, IReadOnlyList<LabResultView> Results)> ReportGroups(IEnumerable<LabResultView> results) =>
        results.GroupBy(r => (r.CollectedAt.UtcTicks, r.LabName ?? ""))
            .Select(g => (g.Select(r => r.Id.ToString()).Min(StringComparer.Ordinal)!, (IReadOnlyList<LabResultView>)g.ToList()))
            .ToList();

    public static DiagnosticReport LabReport(Guid patientId, string id, IReadOnlyList<LabResultView> results)
    {
        var first = results[0];
        var report = new DiagnosticReport
        {
            Id = id,
            Status = results.All(r => r.EnteredInError) ? DiagnosticReport.DiagnosticReportStatus.EnteredInError : DiagnosticReport.DiagnosticReportStatus.Final,
            Category = [new CodeableConcept(T.DiagnosticServiceSection, "LAB", "Laboratory")],
            Code = new CodeableConcept(T.Reports, "liver-tests", "Liver tests", "Liver tests"),
            Subject = Subject(patientId),
            Effective = new FhirDateTime(first.CollectedAt),
            Result = results.Select(r => new ResourceReference("Observation/" + r.Id)).ToList(),
        };
        if (!string.IsNullOrWhiteSpace(first.LabName))
        {
            report.Performer.Add(new ResourceReference { Display = first.LabName });
        }

        return report;
    }

    /// <summary>An instrument's total as a survey Observation with the UCUM unit {score}, derived from its QuestionnaireResponse.</summary>
    public static Observation ScoreObservation(Assessment a)
    {
        var instrument = InstrumentCatalog.Default.Find(a.InstrumentId);
        var name = (instrument?.Name ?? a.InstrumentId) + " total score";
        var observation = new Observation
        {
            Id = a.Id.ToString(),
            Status = a.PatientReported && a.ReviewedAt is null ? ObservationStatus.Preliminary : ObservationStatus.Final,
            Category = [new CodeableConcept(T.ObservationCategory, "survey", "Survey")],
            Code = new CodeableConcept(T.InstrumentScores, T.ScoreCode(a.InstrumentId), name, name),
            Subject = Subject(a.PatientId),
            Effective = new FhirDateTime(a.AssessedAt),
            Value = Ucum(a.Total, "{score}"),
            DerivedFrom = [new ResourceReference("QuestionnaireResponse/" + a.Id)],
        };
        if (a.Band is { } band)
        {
            observation.Interpretation.Add(new CodeableConcept { Text = band });
        }

        return observation;
    }

    /// <summary>The item answers of an assessment, against the instrument's versioned Questionnaire (url|version).</summary>
    public static QuestionnaireResponse Response(Assessment a)
    {
        var answers = JsonSerializer.Deserialize<Dictionary<string, int>>(a.AnswersJson) ?? [];
        var instrument = InstrumentCatalog.Default.Find(a.InstrumentId);
        return new QuestionnaireResponse
        {
            Id = a.Id.ToString(),
            Questionnaire = T.QuestionnaireUrl(a.InstrumentId) + "|" + a.InstrumentVersion.ToString(CultureInfo.InvariantCulture),
            Status = a.PatientReported && a.ReviewedAt is null ? QuestionnaireResponse.QuestionnaireResponseStatus.Completed : QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = Subject(a.PatientId),
            Authored = a.AssessedAt.ToString("o", CultureInfo.InvariantCulture),
            Item = answers.OrderBy(kv => int.TryParse(kv.Key, out var n) ? n : int.MaxValue).Select(kv => new QuestionnaireResponse.ItemComponent
            {
                LinkId = kv.Key,
                Text = int.TryParse(kv.Key, out var n) ? instrument?.Item(n)?.Label : null,
                Answer = [new QuestionnaireResponse.AnswerComponent { Value = new Integer(kv.Value) }],
            }).ToList(),
        };
    }

    /// <summary>An instrument of the catalogue as a Questionnaire: canonical url and version, one integer item per item
    /// (the answer is the item's score), with the published source.</summary>
    public static Questionnaire Questionnaire(InstrumentDefinition d) => new()
    {
        Id = d.Id,
        Url = T.QuestionnaireUrl(d.Id),
        Version = d.Version.ToString(CultureInfo.InvariantCulture),
        Name = new string(d.Id.Split('-').Select(s => char.ToUpperInvariant(s[0]) + s[1..]).SelectMany(s => s).Where(char.IsLetterOrDigit).ToArray()),
        Title = d.Name,
        Status = PublicationStatus.Active,
        SubjectType = [ResourceType.Patient],
        Description = new Markdown(d.Instructions.Length > 0 ? d.Instructions : d.Name),
        Copyright = new Markdown("Source: " + d.Source.Citation),
        Item = d.Items.Select(i => new Questionnaire.ItemComponent
        {
            LinkId = i.Number.ToString(CultureInfo.InvariantCulture),
            Text = i.Label,
            Type = Hl7.Fhir.Model.Questionnaire.QuestionnaireItemType.Integer,
            Required = true,
        }).ToList(),
    };

    /// <summary>One set of vital signs as Observations on the R4 vital-signs profiles (LOINC codes and UCUM units of
    /// knowledge/vitals/vital-signs.json; the blood-pressure panel 85354-9 and oxygen saturation 2708-6 are the codes
    /// the profiles themselves fix). Ids: the set's id and a suffix.</summary>
    public static IReadOnlyList<Observation> VitalObservations(Guid patientId, VitalSignSet v)
    {
        var list = new List<Observation>();
        Observation Vital(string suffix, string profile, CodeableConcept code) => new()
        {
            Id = v.Id + "-" + suffix,
            Meta = new Meta { Profile = [VitalSignsProfile, "http://hl7.org/fhir/StructureDefinition/" + profile] },
            Status = ObservationStatus.Final,
            Category = [new CodeableConcept(T.ObservationCategory, "vital-signs", "Vital Signs")],
            Code = code,
            Subject = Subject(patientId),
            Effective = new FhirDateTime(v.TakenAt),
        };

        if (v.HeartRateBpm is { } hr)
        {
            var o = Vital("hr", "heartrate", new CodeableConcept(T.Loinc, "8867-4", "Heart rate", "Heart rate"));
            o.Value = Ucum(hr, "/min");
            list.Add(o);
        }

        if (v.SystolicMmHg is not null || v.DiastolicMmHg is not null)
        {
            var o = Vital("bp", "bp", new CodeableConcept(T.Loinc, "85354-9", "Blood pressure panel with all children optional", "Blood pressure"));
            o.Component.Add(BpComponent("8480-6", "Systolic blood pressure", v.SystolicMmHg));
            o.Component.Add(BpComponent("8462-4", "Diastolic blood pressure", v.DiastolicMmHg));
            list.Add(o);
        }

        if (v.RespiratoryRatePerMin is { } rr)
        {
            var o = Vital("rr", "resprate", new CodeableConcept(T.Loinc, "9279-1", "Respiratory rate", "Respiratory rate"));
            o.Value = Ucum(rr, "/min");
            list.Add(o);
        }

        if (v.Spo2Percent is { } spo2)
        {
            var code = new CodeableConcept(T.Loinc, "2708-6", "Oxygen saturation in Arterial blood", "SpO2 (pulse oximetry)");
            code.Coding.Add(new Coding(T.Loinc, "59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry"));
            var o = Vital("spo2", "oxygensat", code);
            o.Value = Ucum(spo2, "%");
            list.Add(o);
        }

        if (v.TemperatureCelsius is { } temp)
        {
            var o = Vital("temp", "bodytemp", new CodeableConcept(T.Loinc, "8310-5", "Body temperature", "Body temperature"));
            o.Value = Ucum(temp, "Cel");
            list.Add(o);
        }

        return list;
    }

    public static readonly IReadOnlyList<string> VitalSuffixes = ["hr", "bp", "rr", "spo2", "temp"];

    private static Observation.ComponentComponent BpComponent(string loinc, string name, int? value) => value is { } mmHg
        ? new Observation.ComponentComponent { Code = new CodeableConcept(T.Loinc, loinc, name, name), Value = Ucum(mmHg, "mm[Hg]") }
        : new Observation.ComponentComponent
        {
            Code = new CodeableConcept(T.Loinc, loinc, name, name),
            DataAbsentReason = new CodeableConcept(T.DataAbsentReason, "not-performed", "Not Performed"),
        };

    /// <summary>An alert as a DetectedIssue: the rule (local code), its message and threshold, inputs as evidence, the
    /// published source, and an acknowledgement or resolution as mitigation.</summary>
    public static DetectedIssue Issue(RaisedAlert a)
    {
        var issue = new DetectedIssue
        {
            Id = a.Id.ToString(),
            Status = a.Status == AlertStatus.Open ? ObservationStatus.Preliminary : ObservationStatus.Final,
            Code = new CodeableConcept(T.AlertRules, a.RuleId, a.RuleId, a.RuleId + " v" + a.RuleVersion.ToString(CultureInfo.InvariantCulture)),
            Severity = a.Severity switch
            {
                "Critical" or "High" => DetectedIssue.DetectedIssueSeverity.High,
                "Warning" => DetectedIssue.DetectedIssueSeverity.Moderate,
                _ => DetectedIssue.DetectedIssueSeverity.Low,
            },
            Patient = Subject(a.PatientId),
            Identified = new FhirDateTime(a.RaisedAt),
            Detail = a.Message + " Threshold: " + a.Threshold + " Source: " + a.SourceCitation,
            Reference = Uri.TryCreate(a.SourceUrl, UriKind.Absolute, out _) ? a.SourceUrl : null,
        };
        foreach (var input in Inputs(a.InputsJson))
        {
            issue.Evidence.Add(new DetectedIssue.EvidenceComponent { Code = [new CodeableConcept { Text = input }] });
        }

        if (a.AcknowledgedAt is { } ack)
        {
            issue.Mitigation.Add(new DetectedIssue.MitigationComponent
            {
                Action = new CodeableConcept { Text = "Acknowledged" + (string.IsNullOrWhiteSpace(a.AcknowledgementNote) ? "" : ": " + a.AcknowledgementNote) },
                Date = new FhirDateTime(ack).Value,
            });
        }

        if (a.ResolvedAt is { } resolved)
        {
            issue.Mitigation.Add(new DetectedIssue.MitigationComponent
            {
                Action = new CodeableConcept { Text = "Resolved" + (string.IsNullOrWhiteSpace(a.ResolutionReason) ? "" : ": " + a.ResolutionReason) },
                Date = new FhirDateTime(resolved).Value,
            });
        }

        return issue;
    }

    private static IEnumerable<string> Inputs(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return doc.RootElement.EnumerateArray()
                .Select(e => e.ValueKind == JsonValueKind.Object
                    ? string.Join(": ", e.EnumerateObject().Select(p => p.Value.ToString()))
                    : e.ToString())
                .Where(s => s.Length > 0)
                .ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>A lot of a product as a Medication: the product (name, brand, form) and the lot as its batch. Ingredient
    /// strengths are not stated: the label's claims are not the lot's tested content (see docs/fhir.md).</summary>
    public static Medication Medication(Lot lot, Product product) => new()
    {
        Id = lot.Id.ToString(),
        Code = new CodeableConcept { Text = $"{product.Name} ({product.Brand}), kratom product" },
        Status = lot.State == LotState.Recalled ? Hl7.Fhir.Model.Medication.MedicationStatusCodes.Inactive : Hl7.Fhir.Model.Medication.MedicationStatusCodes.Active,
        Form = new CodeableConcept { Text = product.Form.ToString() },
        Batch = new Medication.BatchComponent { LotNumber = lot.LotCode },
    };

    /// <summary>A dose staff gave as a MedicationAdministration (grams, UCUM g), the lot as its Medication when one was
    /// chosen. Speciosa records what was given; it never sets a dose.</summary>
    public static MedicationAdministration Administration(Dose d) => new()
    {
        Id = d.Id.ToString(),
        Status = MedicationAdministration.MedicationAdministrationStatusCodes.Completed,
        Medication = DoseMedication(d),
        Subject = Subject(d.PatientId),
        Effective = new FhirDateTime(d.GivenAt),
        Dosage = new MedicationAdministration.DosageComponent { Dose = Ucum(d.Grams, "g") },
    };

    /// <summary>A dose the patient reported as a MedicationStatement whose information source is the patient.</summary>
    public static MedicationStatement Statement(Dose d) => new()
    {
        Id = d.Id.ToString(),
        Status = MedicationStatement.MedicationStatusCodes.Completed,
        Medication = DoseMedication(d),
        Subject = Subject(d.PatientId),
        Effective = new FhirDateTime(d.GivenAt),
        DateAsserted = d.RecordedAt.ToString("o", CultureInfo.InvariantCulture),
        InformationSource = Subject(d.PatientId),
        Dosage = [new Dosage { DoseAndRate = [new Dosage.DoseAndRateComponent { Dose = Ucum(d.Grams, "g") }] }],
    };

    private static DataType DoseMedication(Dose d) => d.LotId is { } lot
        ? new ResourceReference("Medication/" + lot)
        : new CodeableConcept { Text = "Kratom product (no lot recorded)" };

    /// <summary>An adverse event as an AdverseEvent (actual): the term as text, CTCAE grade as severity (1 mild, 2
    /// moderate, 3 and above severe: R4's severity has three levels), seriousness and the outcome. Entered-in-error
    /// events are not served (R4's AdverseEvent has no status to say so).</summary>
    public static AdverseEvent AdverseEvent(AdverseEventRecord e) => new()
    {
        Id = e.Id.ToString(),
        Actuality = Hl7.Fhir.Model.AdverseEvent.AdverseEventActuality.Actual,
        Event = new CodeableConcept { Text = e.TermText + " (CTCAE grade " + e.Grade.ToString(CultureInfo.InvariantCulture) + ")" },
        Subject = Subject(e.PatientId),
        Date = e.Onset.ToString("o", CultureInfo.InvariantCulture),
        RecordedDate = e.RecordedAt.ToString("o", CultureInfo.InvariantCulture),
        Seriousness = new CodeableConcept { Text = e.Serious ? "Serious (" + e.SeriousnessCriteria + ")" : "Non-serious" },
        Severity = new CodeableConcept("http://terminology.hl7.org/CodeSystem/adverse-event-severity", e.Grade switch { <= 1 => "mild", 2 => "moderate", _ => "severe" }),
        Outcome = AdverseOutcome(e.Outcome) is { } code ? new CodeableConcept("http://terminology.hl7.org/CodeSystem/adverse-event-outcome", code) : null,
    };

    private static string? AdverseOutcome(string outcome) => outcome switch
    {
        "recovered" => "resolved",
        "recovering" => "recovering",
        "not-recovered" => "ongoing",
        "recovered-with-sequelae" => "resolvedWithSequelae",
        "fatal" => "fatal",
        "unknown" => "unknown",
        _ => null,
    };

    private static Quantity Ucum(decimal value, string unit) => new() { Value = value, Unit = unit, System = T.Ucum, Code = unit };
}
