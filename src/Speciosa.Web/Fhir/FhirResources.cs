using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Model;
using Speciosa.Clinical.CarePlans;
using Speciosa.Clinical.Fhir;
using Speciosa.Clinical.Jurisdictions;
using Speciosa.Clinical.Liver;
using Speciosa.Clinical.MentalHealth;
using Speciosa.Clinical.Products;
using Speciosa.Clinical.Regimens;
using Speciosa.Clinical.Withdrawal.Instruments;
using Speciosa.Web.Alerts;
using Speciosa.Web.Liver;
using Speciosa.Web.MentalHealth;
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
    public static Observation LabObservation(Guid patientId, LabResultView r, DateTimeOffset? changed = null)
    {
        var name = LiverTestCatalogue.Default.Tests.FirstOrDefault(t => t.Loinc == r.Loinc)?.Name;
        var observation = new Observation
        {
            Id = r.Id.ToString(),
            Meta = Changed(changed),
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

    public static DiagnosticReport LabReport(Guid patientId, string id, IReadOnlyList<LabResultView> results, DateTimeOffset? changed = null)
    {
        var first = results[0];
        var report = new DiagnosticReport
        {
            Id = id,
            Meta = Changed(changed),
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
    public static Observation ScoreObservation(Scored a)
    {
        var instrument = FhirInstruments.Find(a.InstrumentId);
        var name = (instrument?.Name ?? a.InstrumentId) + " total score";
        var observation = new Observation
        {
            Id = a.Id.ToString(),
            Meta = Changed(a.ChangedAt),
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
    public static QuestionnaireResponse Response(Scored a)
    {
        var answers = JsonSerializer.Deserialize<Dictionary<string, int>>(a.AnswersJson) ?? [];
        var instrument = FhirInstruments.Find(a.InstrumentId);
        return new QuestionnaireResponse
        {
            Id = a.Id.ToString(),
            Meta = Changed(a.ChangedAt),
            Questionnaire = T.QuestionnaireUrl(a.InstrumentId) + "|" + a.InstrumentVersion.ToString(CultureInfo.InvariantCulture),
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
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
            Meta = new Meta { Profile = [VitalSignsProfile, "http://hl7.org/fhir/StructureDefinition/" + profile], LastUpdated = v.RecordedAt == default ? null : v.RecordedAt },
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
            Meta = Changed(Latest(a.RaisedAt, a.AcknowledgedAt, a.ResolvedAt, a.ConditionClearedAt)),
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

    /// <summary>A lot of a product as a Medication: the product (name, brand, form), the lot as its batch and, from the
    /// lot's newest certificate of analysis, the tested content of mitragynine and 7-hydroxymitragynine as ingredient
    /// strength in mg per g of product (UCUM <c>mg</c>/<c>g</c>; a result below the limit of detection or quantitation is
    /// an upper bound, comparator <c>&lt;</c>). The ingredients are named in text: no code for them is confirmed in the
    /// project's references. The label's claims are not the lot's tested content and are not stated.</summary>
    public static Medication Medication(Lot lot, Product product, Certificate? certificate = null)
    {
        var medication = new Medication
        {
            Id = lot.Id.ToString(),
            Meta = Changed(Latest(lot.CreatedAt, lot.StateChangedAt, certificate?.RecordedAt)),
            Code = new CodeableConcept { Text = $"{product.Name} ({product.Brand}), kratom product" },
            Status = lot.State == LotState.Recalled ? Hl7.Fhir.Model.Medication.MedicationStatusCodes.Inactive : Hl7.Fhir.Model.Medication.MedicationStatusCodes.Active,
            Form = new CodeableConcept { Text = product.Form.ToString() },
            Batch = new Medication.BatchComponent { LotNumber = lot.LotCode },
        };
        if (certificate is not null)
        {
            var results = certificate.Results.Select(r => r.ToAnalyteResult()).ToList();
            var content = AlkaloidExposure.FromCertificate(results, 1m, 1m, product.ServingGrams);
            var from = $"certificate of analysis, {certificate.LabName}, reported {certificate.ReportedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
            AddIngredient(medication, "Mitragynine", content.Mitragynine, from);
            AddIngredient(medication, "7-Hydroxymitragynine", content.SevenHydroxymitragynine, from);
        }

        return medication;
    }

    private static void AddIngredient(Medication medication, string name, AlkaloidAmount amount, string from)
    {
        if (amount.MgPerGram is not { } mgPerGram)
        {
            return;
        }

        var numerator = Ucum(decimal.Round(mgPerGram, 4), "mg");
        if (amount.IsUpperBound)
        {
            numerator.Comparator = Quantity.QuantityComparator.LessThan;
        }

        medication.Ingredient.Add(new Medication.IngredientComponent
        {
            Item = new CodeableConcept { Text = $"{name} ({from}: {amount.Basis})" },
            Strength = new Ratio(numerator, Ucum(1m, "g")),
        });
    }

    /// <summary>A dose staff gave as a MedicationAdministration (grams, UCUM g), the lot as its Medication when one was
    /// chosen. Speciosa records what was given; it never sets a dose.</summary>
    public static MedicationAdministration Administration(Dose d) => new()
    {
        Id = d.Id.ToString(),
        Meta = Changed(d.RecordedAt),
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
        Meta = Changed(d.RecordedAt),
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
        Meta = Changed(e.RecordedAt),
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

    /// <summary>A regimen as a MedicationRequest (intent order; id = regimen id, <c>meta.versionId</c> = the order's version):
    /// the dosage instructions are exactly the clinician's order of that version (<see cref="RegimenJson.OrderOf"/>): the
    /// grams per administration, at most so many administrations and grams a day from the start to the end date, each
    /// planned break, each titration step (it starts only when a clinician confirms it, so it is text, not a schedule) and
    /// each taper-calendar period with the daily most that applies (the lower of the calendar's and the order's, as
    /// <see cref="DayLimits"/> judges it). Speciosa adds no number of its own.</summary>
    public static MedicationRequest MedicationRequest(Regimen regimen, RegimenVersion version, string productName, DateOnly today)
    {
        var order = RegimenJson.OrderOf(version);
        var request = new MedicationRequest
        {
            Id = regimen.Id.ToString(),
            Meta = new Meta { VersionId = version.Version.ToString(CultureInfo.InvariantCulture), LastUpdated = version.AuthoredAt },
            Status = order.EndDate is { } end && end < today ? Hl7.Fhir.Model.MedicationRequest.MedicationrequestStatus.Completed : Hl7.Fhir.Model.MedicationRequest.MedicationrequestStatus.Active,
            Intent = Hl7.Fhir.Model.MedicationRequest.MedicationRequestIntent.Order,
            Medication = version.LotId is { } lot ? new ResourceReference("Medication/" + lot) : new CodeableConcept { Text = productName + ": any released lot" },
            Subject = Subject(regimen.PatientId),
            AuthoredOn = version.AuthoredAt.ToString("o", CultureInfo.InvariantCulture),
            Note = [new Annotation { Text = new Markdown($"Version {version.Version.ToString(CultureInfo.InvariantCulture)}: {version.Reason}") }],
        };
        request.DosageInstruction.AddRange(Dosages(order));
        return request;
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Grams(decimal g) => g.ToString("0.####", CultureInfo.InvariantCulture);

    private static Ratio PerDay(decimal grams) => new(Ucum(grams, "g"), Ucum(1m, "d"));

    private static Period Days(DateOnly first, DateOnly? last) => new() { Start = Day(first), End = last is { } l ? Day(l) : null };

    public static IReadOnlyList<Dosage> Dosages(RegimenOrder order)
    {
        var list = new List<Dosage>
        {
            new()
            {
                Sequence = 1,
                Text = $"{Grams(order.GramsPerAdministration)} g per administration, at most {order.MaxAdministrationsPerDay.ToString(CultureInfo.InvariantCulture)} " +
                    $"administrations and at most {Grams(order.MaxGramsPerDay)} g a day, from {Day(order.StartDate)}" +
                    (order.EndDate is { } end ? $" to {Day(end)}." : " until the order is changed."),
                Timing = new Timing
                {
                    Repeat = new Timing.RepeatComponent
                    {
                        Bounds = Days(order.StartDate, order.EndDate),
                        FrequencyMax = order.MaxAdministrationsPerDay,
                        Period = 1,
                        PeriodUnit = Timing.UnitsOfTime.D,
                    },
                },
                DoseAndRate = [new Dosage.DoseAndRateComponent { Dose = Ucum(order.GramsPerAdministration, "g") }],
                MaxDosePerPeriod = PerDay(order.MaxGramsPerDay),
            },
        };

        var steps = order.Titration?.Steps ?? [];
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            list.Add(new Dosage
            {
                Text = $"Titration step {(i + 1).ToString(CultureInfo.InvariantCulture)}: {Grams(step.GramsPerAdministration)} g per administration, due " +
                    $"{step.DaysAfterPreviousStep.ToString(CultureInfo.InvariantCulture)} days after the {(i == 0 ? "start" : "previous step")}" +
                    (step.HoldUntil is { } hold ? $", held until {hold}" : "") + "; it starts only when a clinician confirms it.",
            });
        }

        var entries = order.Taper?.Entries ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            DateOnly? last = i + 1 < entries.Count ? entries[i + 1].StartsOn.AddDays(-1) : null;
            var most = Math.Min(entry.GramsPerDay, order.MaxGramsPerDay);
            list.Add(new Dosage
            {
                Sequence = 2 + i,
                Text = $"Taper calendar from {Day(entry.StartsOn)}" + (last is { } l ? $" to {Day(l)}" : " on") + ": " +
                    (most == 0 ? "no kratom." : $"at most {Grams(most)} g a day" +
                        (entry.GramsPerDay > order.MaxGramsPerDay ? $" (the order's daily maximum; the calendar says {Grams(entry.GramsPerDay)} g)." : ".")),
                Timing = new Timing { Repeat = new Timing.RepeatComponent { Bounds = Days(entry.StartsOn, last) } },
                MaxDosePerPeriod = PerDay(most),
            });
        }

        foreach (var pause in order.Breaks)
        {
            list.Add(new Dosage
            {
                Text = $"Planned break: no doses from {Day(pause.FirstDay)} to {Day(pause.LastDay)}" + (string.IsNullOrWhiteSpace(pause.Reason) ? "." : $" ({pause.Reason})."),
                Timing = new Timing { Repeat = new Timing.RepeatComponent { Bounds = Days(pause.FirstDay, pause.LastDay) } },
            });
        }

        return list;
    }

    public const string FlagCategory = "http://terminology.hl7.org/CodeSystem/flag-category";

    /// <summary>Pregnancy, breastfeeding and planned conception as they stand on the patient's record, each an active Flag
    /// (category clinical, local code; changed when the record was). None when the record says no.</summary>
    public static IReadOnlyList<Flag> PregnancyFlags(SpeciosaPatient p)
    {
        var list = new List<Flag>();
        void Add(bool on, string code, string words)
        {
            if (on)
            {
                list.Add(new Flag
                {
                    Id = p.Id + "-" + code,
                    Meta = Changed(p.UpdatedAt),
                    Status = Flag.FlagStatus.Active,
                    Category = [new CodeableConcept(FlagCategory, "clinical", "Clinical")],
                    Code = new CodeableConcept(T.Flags, code, words, words + " (as the patient's record says)"),
                    Subject = Subject(p.Id),
                });
            }
        }

        Add(p.Pregnant, T.FlagPregnant, "Pregnant");
        Add(p.Breastfeeding, T.FlagBreastfeeding, "Breastfeeding");
        Add(p.PlanningConception, T.FlagPlanningConception, "Planning conception");
        return list;
    }

    /// <summary>A legal refusal: where the patient lives (and for who they are), the jurisdiction registry refuses kratom
    /// supply today (<see cref="EnforcementOutcome.Refuse"/>); an active Flag (category admin) with each refusing reason and
    /// its sources, changed when the patient's record or the registry entry was.</summary>
    public static Flag LegalRefusalFlag(SpeciosaPatient p, EnforcementDecision decision, DateTimeOffset changed)
    {
        var reasons = string.Join(" ", decision.Refusals.Select(r => r.Text.TrimEnd('.') + "." +
            (r.Sources.Count == 0 ? "" : " Source: " + string.Join("; ", r.Sources.Select(s => s.Citation)) + ".")));
        return new Flag
        {
            Id = p.Id + "-" + T.FlagLegalRefusal,
            Meta = Changed(changed),
            Status = Flag.FlagStatus.Active,
            Category = [new CodeableConcept(FlagCategory, "admin", "Administrative")],
            Code = new CodeableConcept(T.Flags, T.FlagLegalRefusal, "Kratom supply refused by law", "Kratom supply refused by law where the patient lives: " + reasons),
            Subject = Subject(p.Id),
        };
    }

    /// <summary>The care plan (id = plan id, <c>meta.versionId</c> = its current version): each activity of the current
    /// version with its kind (local code), title, goal and notes, and its weekly days and clinic-local times as the
    /// scheduled Timing; the version's reason as a note.</summary>
    public static CarePlan CarePlan(Speciosa.Web.CarePlans.CarePlan plan, Speciosa.Web.CarePlans.CarePlanVersion current, DateTimeOffset firstVersionAt)
    {
        var activities = Speciosa.Web.CarePlans.CarePlanRecords.Deserialise(current.ActivitiesJson);
        return new CarePlan
        {
            Id = plan.Id.ToString(),
            Meta = new Meta { VersionId = plan.CurrentVersion.ToString(CultureInfo.InvariantCulture), LastUpdated = plan.UpdatedAt },
            Status = activities.Count > 0 ? RequestStatus.Active : RequestStatus.Revoked,
            Intent = Hl7.Fhir.Model.CarePlan.CarePlanIntent.Plan,
            Title = "Care plan",
            Subject = Subject(plan.PatientId),
            Period = new Period { StartElement = new FhirDateTime(firstVersionAt) },
            Created = plan.CreatedAt.ToString("o", CultureInfo.InvariantCulture),
            Note = [new Annotation { Text = new Markdown($"Version {current.Version.ToString(CultureInfo.InvariantCulture)}: {current.Reason}") }],
            Activity = activities.Select(a =>
            {
                var kind = ActivityCatalogue.Default.IsKnown(a.Kind) ? ActivityCatalogue.Default.Get(a.Kind).Name : a.Kind;
                return new CarePlan.ActivityComponent
                {
                    Detail = new CarePlan.DetailComponent
                    {
                        Code = new CodeableConcept(T.CarePlanActivities, a.Kind, kind, kind),
                        Status = Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus.Scheduled,
                        Description = a.Title + ". Goal: " + a.Goal + (string.IsNullOrWhiteSpace(a.Notes) ? "" : ". Notes: " + a.Notes),
                        Scheduled = new Timing
                        {
                            Repeat = new Timing.RepeatComponent
                            {
                                DayOfWeek = a.Schedule.Days.Select(DayCode).Cast<DaysOfWeek?>().ToList(),
                                TimeOfDay = a.Schedule.Times.Select(t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture)).ToList(),
                            },
                        },
                    },
                };
            }).ToList(),
        };
    }

    private static DaysOfWeek DayCode(DayOfWeek d) => d switch
    {
        DayOfWeek.Monday => DaysOfWeek.Mon,
        DayOfWeek.Tuesday => DaysOfWeek.Tue,
        DayOfWeek.Wednesday => DaysOfWeek.Wed,
        DayOfWeek.Thursday => DaysOfWeek.Thu,
        DayOfWeek.Friday => DaysOfWeek.Fri,
        DayOfWeek.Saturday => DaysOfWeek.Sat,
        _ => DaysOfWeek.Sun,
    };

    private static Meta? Changed(DateTimeOffset? at) => at is { } t ? new Meta { LastUpdated = t } : null;

    /// <summary>The latest of some change times (nulls ignored).</summary>
    public static DateTimeOffset Latest(DateTimeOffset first, params DateTimeOffset?[] more) =>
        more.Aggregate(first, (max, t) => t is { } v && v > max ? v : max);

    private static Quantity Ucum(decimal value, string unit) => new() { Value = value, Unit = unit, System = T.Ucum, Code = unit };
}

/// <summary>A scored instrument (a withdrawal assessment or a mental-health screening) as the FHIR mapping reads it.</summary>
public sealed record Scored(Guid Id, Guid PatientId, string InstrumentId, int InstrumentVersion, string AnswersJson, int Total, string? Band,
    DateTimeOffset AssessedAt, bool PatientReported, DateTimeOffset? ReviewedAt, DateTimeOffset RecordedAt)
{
    public static Scored Of(Assessment a) => new(a.Id, a.PatientId, a.InstrumentId, a.InstrumentVersion, a.AnswersJson, a.Total, a.Band,
        a.AssessedAt, a.PatientReported, a.ReviewedAt, a.RecordedAt);

    public static Scored Of(Screening s) => new(s.Id, s.PatientId, s.InstrumentId, s.InstrumentVersion, s.AnswersJson, s.Total, s.Band,
        s.AssessedAt, s.PatientReported, s.ReviewedAt, s.RecordedAt);

    /// <summary>When it last changed: recorded, or reviewed later.</summary>
    public DateTimeOffset ChangedAt => FhirResources.Latest(RecordedAt, ReviewedAt);
}

/// <summary>Every instrument served as a Questionnaire: the withdrawal catalogue (COWS, SOWS, craving) and the
/// mental-health one (PHQ-9, GAD-7, AUDIT-C).</summary>
public static class FhirInstruments
{
    public static IEnumerable<InstrumentDefinition> All => InstrumentCatalog.Default.All.Concat(MentalHealthInstruments.Catalog.All);

    public static InstrumentDefinition? Find(string id) => InstrumentCatalog.Default.Find(id) ?? MentalHealthInstruments.Catalog.Find(id);
}
