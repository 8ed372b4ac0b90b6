// The SDK's model is nullable throughout; a missing element here fails the test with an exception, which is what we want.
#nullable disable warnings
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Speciosa.Web.Fhir;
using Xunit;
using Task = System.Threading.Tasks.Task;
using Patient = Hl7.Fhir.Model.Patient;

namespace Speciosa.Web.Tests.Fhir;

/// <summary>FHIR R4 (issue 16 items 1 and 2): the chart read through /fhir, parsed back with Firely's SDK and validated
/// by the shared validator; scoped to the caller's clinic, audited, errors as OperationOutcome.</summary>
public sealed class FhirApiTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_demo_patient_s_everything_pages_parse_back_with_the_sdk_with_counts_equal_to_the_chart_s_and_every_resource_validates(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var patientId = await DemoPatientAsync(client, "Testwell");
        await AddLabsAndVitalsAsync(client, patientId);
        var adverse = await client.PostAsJsonAsync($"/api/patients/{patientId}/adverse-events", new
        {
            otherTerm = "Nausea", grade = 2, onset = DateTimeOffset.UtcNow.AddHours(-5), outcome = "recovering", relatedness = "possible",
            seriousnessCriteria = Array.Empty<string>(), actionTaken = "none",
        });
        Assert.Equal(HttpStatusCode.Created, adverse.StatusCode);

        var pages = new List<Bundle>();
        var url = $"/fhir/Patient/{patientId}/$everything?_count=7";
        while (url is not null)
        {
            var bundle = Assert.IsType<Bundle>(await ReadAsync(client, url, HttpStatusCode.OK));
            pages.Add(bundle);
            url = bundle.Link.FirstOrDefault(l => l.Relation == "next")?.Url is { } next ? new Uri(next).PathAndQuery : null;
            Assert.True(pages.Count < 50, "the next links never end");
        }

        var resources = pages.SelectMany(p => p.Entry.Select(e => e.Resource)).ToList();
        var chart = await ChartCountsAsync(client, patientId);
        Assert.Equal(pages[0].Total, resources.Count);
        Assert.Equal(resources.Count, resources.Select(r => r.TypeName + "/" + r.Id).Distinct().Count());
        Assert.Single(resources.OfType<Patient>());
        Assert.Equal(chart.Labs, resources.OfType<Observation>().Count(o => Category(o) == "laboratory"));
        Assert.Equal(chart.Assessments, resources.OfType<Observation>().Count(o => Category(o) == "survey"));
        Assert.Equal(chart.VitalObservations, resources.OfType<Observation>().Count(o => Category(o) == "vital-signs"));
        Assert.Equal(chart.Assessments, resources.OfType<QuestionnaireResponse>().Count());
        Assert.Equal(chart.LabReports, resources.OfType<DiagnosticReport>().Count());
        Assert.Equal(chart.Alerts, resources.OfType<DetectedIssue>().Count());
        Assert.Equal(chart.StaffDoses, resources.OfType<MedicationAdministration>().Count());
        Assert.Equal(chart.ReportedDoses, resources.OfType<MedicationStatement>().Count());
        Assert.Equal(chart.Lots, resources.OfType<Medication>().Count());
        Assert.Equal(chart.AdverseEvents, resources.OfType<AdverseEvent>().Count());
        Assert.True(chart.Labs >= 5 && chart.Assessments >= 3 && chart.VitalObservations >= 6 && chart.Alerts >= 1
            && chart.StaffDoses >= 1 && chart.Lots >= 1 && chart.AdverseEvents >= 1);
        // Doses: grams as given, the lot as a Medication with its batch.
        var dose = resources.OfType<MedicationAdministration>().First();
        Assert.Equal("g", dose.Dosage.Dose.Code);
        var medication = resources.OfType<Medication>().Single(m => "Medication/" + m.Id == ((ResourceReference)dose.Medication).Reference);
        Assert.False(string.IsNullOrEmpty(medication.Batch.LotNumber));
        Assert.Equal("moderate", resources.OfType<AdverseEvent>().Single().Severity.Coding[0].Code);

        // Liver results: LOINC and UCUM as reported, with the range they were judged against.
        var alt = resources.OfType<Observation>().First(o => o.Code.Coding[0].Code == "1742-6" && ((Quantity)o.Value).Value == 200m);
        Assert.Equal("http://loinc.org", alt.Code.Coding[0].System);
        Assert.Equal("U/L", ((Quantity)alt.Value).Code);
        Assert.Equal("http://unitsofmeasure.org", ((Quantity)alt.Value).System);
        Assert.Equal(40m, alt.ReferenceRange[0].High.Value);
        Assert.Equal("H", alt.Interpretation[0].Coding[0].Code);
        var report = resources.OfType<DiagnosticReport>().Single(r => r.Result.Any(x => x.Reference == "Observation/" + alt.Id));
        Assert.Equal(4, report.Result.Count);
        // Scores: {score}, a local code (no LOINC code is confirmed for COWS), derived from the item answers.
        var score = resources.OfType<Observation>().First(o => Category(o) == "survey");
        Assert.Equal("{score}", ((Quantity)score.Value).Code);
        Assert.Equal("https://speciosa.example/fhir/CodeSystem/instrument-score", score.Code.Coding[0].System);
        Assert.Equal("QuestionnaireResponse/" + score.Id, score.DerivedFrom[0].Reference);
        var response = resources.OfType<QuestionnaireResponse>().First(r => r.Id == score.Id);
        Assert.Equal("https://speciosa.example/fhir/Questionnaire/cows|1", response.Questionnaire);
        Assert.Equal(((Quantity)score.Value).Value, response.Item.Sum(i => ((Integer)i.Answer[0].Value).Value));

        var errors = resources.SelectMany(FhirValidation.Errors).Concat(pages.Take(2).SelectMany(FhirValidation.Errors)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Metadata_questionnaires_searches_and_an_operation_outcome_validate_and_the_capability_statement_lists_exactly_what_is_served(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var patientId = await DemoPatientAsync(client, "Sampleton");

        var capability = Assert.IsType<CapabilityStatement>(await ReadAsync(server.CreateClient(), "/fhir/metadata", HttpStatusCode.OK));
        Assert.Equal(FhirChart.Types, capability.Rest[0].Resource.Select(r => r.Type));
        var questionnaire = Assert.IsType<Questionnaire>(await ReadAsync(client, "/fhir/Questionnaire/cows", HttpStatusCode.OK));
        Assert.Equal("https://speciosa.example/fhir/Questionnaire/cows", questionnaire.Url);
        Assert.Equal(11, questionnaire.Item.Count);
        var questionnaires = Assert.IsType<Bundle>(await ReadAsync(client, "/fhir/Questionnaire", HttpStatusCode.OK));
        var patients = Assert.IsType<Bundle>(await ReadAsync(client, $"/fhir/Patient?_id={patientId}", HttpStatusCode.OK));
        Assert.Equal(patientId.ToString(), Assert.Single(patients.Entry).Resource.Id);
        var outcome = Assert.IsType<OperationOutcome>(await ReadAsync(client, $"/fhir/Observation/{Guid.NewGuid()}", HttpStatusCode.NotFound));

        // A patient-reported dose is a MedicationStatement whose information source is the patient.
        var reporter = await DemoPatientAsync(client, "Examplesworth");
        var statements = Assert.IsType<Bundle>(await ReadAsync(client, $"/fhir/MedicationStatement?patient={reporter}", HttpStatusCode.OK));
        var statement = Assert.IsType<MedicationStatement>(Assert.Single(statements.Entry).Resource);
        Assert.Equal("Patient/" + reporter, statement.InformationSource.Reference);
        var lots = Assert.IsType<Bundle>(await ReadAsync(client, "/fhir/Medication", HttpStatusCode.OK));
        var lot = Assert.IsType<Medication>(await ReadAsync(client, "/fhir/Medication/" + lots.Entry[0].Resource.Id, HttpStatusCode.OK));

        var errors = new Resource[] { capability, questionnaire, questionnaires, patients, outcome, statement, lot }
            .Concat(questionnaires.Entry.Select(e => e.Resource)).SelectMany(FhirValidation.Errors).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Observation_search_by_patient_pages_with_next_links_and_filters_by_category(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var patientId = await PatientTestData.EnrolAsync(client, "Fhirpaging");
        await AddLabsAndVitalsAsync(client, patientId);

        var seen = new List<string>();
        string? url = $"/fhir/Observation?patient=Patient/{patientId}&_count=2";
        var total = 0;
        while (url is not null)
        {
            var page = Assert.IsType<Bundle>(await ReadAsync(client, url, HttpStatusCode.OK));
            total = page.Total!.Value;
            Assert.True(page.Entry.Count <= 2);
            seen.AddRange(page.Entry.Select(e => e.Resource.Id));
            url = page.Link.FirstOrDefault(l => l.Relation == "next")?.Url is { } next ? new Uri(next).PathAndQuery : null;
        }

        var chart = await ChartCountsAsync(client, patientId);
        Assert.Equal(chart.Labs + chart.VitalObservations, total);
        Assert.Equal(total, seen.Distinct().Count());
        var labs = Assert.IsType<Bundle>(await ReadAsync(client, $"/fhir/Observation?patient={patientId}&category=laboratory&_count=100", HttpStatusCode.OK));
        Assert.Equal(chart.Labs, labs.Total);
        var vitals = Assert.IsType<Bundle>(await ReadAsync(client, $"/fhir/Observation?patient={patientId}&category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs", HttpStatusCode.OK));
        Assert.All(vitals.Entry, e => Assert.Contains(FhirResources.VitalSignsProfile, e.Resource.Meta.Profile));
        var heartRate = Assert.IsType<Bundle>(await ReadAsync(client, $"/fhir/Observation?patient={patientId}&code=http://loinc.org|8867-4", HttpStatusCode.OK));
        Assert.Equal(1, heartRate.Total);
        var one = Assert.IsType<Observation>(await ReadAsync(client, "/fhir/Observation/" + heartRate.Entry[0].Resource.Id, HttpStatusCode.OK));
        Assert.Equal(88m, ((Quantity)one.Value).Value);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Another_clinic_s_patient_and_everything_of_theirs_is_not_found_and_every_read_is_audited_with_the_patient(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var patientId = await PatientTestData.EnrolAsync(client, "Fhirscope");
        await AddLabsAndVitalsAsync(client, patientId);
        var labId = (await client.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/labs"))[0].GetProperty("id").GetString();
        var other = await OtherClinic.ClinicianAsync(server);

        Assert.IsType<Patient>(await ReadAsync(client, $"/fhir/Patient/{patientId}", HttpStatusCode.OK));
        Assert.IsType<Observation>(await ReadAsync(client, $"/fhir/Observation/{labId}", HttpStatusCode.OK));
        foreach (var path in new[] { $"/fhir/Patient/{patientId}", $"/fhir/Observation/{labId}", $"/fhir/DiagnosticReport/{labId}", $"/fhir/Patient/{patientId}/$everything" })
        {
            var outcome = Assert.IsType<OperationOutcome>(await ReadAsync(other, path, HttpStatusCode.NotFound));
            Assert.Equal(OperationOutcome.IssueType.NotFound, outcome.Issue[0].Code);
        }

        var lotId = Assert.IsType<Bundle>(await ReadAsync(client, "/fhir/Medication", HttpStatusCode.OK)).Entry[0].Resource.Id;
        Assert.IsType<OperationOutcome>(await ReadAsync(other, "/fhir/Medication/" + lotId, HttpStatusCode.NotFound));
        Assert.Equal(0, Assert.IsType<Bundle>(await ReadAsync(other, "/fhir/Medication", HttpStatusCode.OK)).Total);
        var search = Assert.IsType<Bundle>(await ReadAsync(other, $"/fhir/Observation?patient={patientId}", HttpStatusCode.OK));
        Assert.Equal(0, search.Total);
        Assert.Empty(search.Entry);

        var audit = await server.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action.StartsWith("fhir.")).ToListAsync());
        Assert.Contains(audit, a => a.Action == "fhir.read" && a.ResourceId == $"Patient/{patientId}" && a.PatientId == patientId && a.Outcome == "success");
        Assert.Contains(audit, a => a.Action == "fhir.read" && a.ResourceId == $"Observation/{labId}" && a.PatientId == patientId && a.Outcome == "success");
        Assert.Contains(audit, a => a.Action == "fhir.read" && a.ResourceId == $"Patient/{patientId}" && a.PatientId is null && a.Outcome == "not-found");
        Assert.Contains(audit, a => a.Action == "fhir.everything" && a.ResourceId == $"Patient/{patientId}" && a.Outcome == "not-found");
        Assert.Contains(audit, a => a.Action == "fhir.search" && a.Outcome == "success" && a.PatientIdsShown is null or "" or "[]");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Every_error_is_an_operation_outcome_in_fhir_json_never_problem_json_or_a_500(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var patient = await server.SignedInClientAsync("demo.patient");
        var patientId = await DemoPatientAsync(clinician, "Testwell");

        var cases = new (HttpClient Client, string Path, HttpStatusCode Status, string Words)[]
        {
            (server.CreateClient(), $"/fhir/Patient/{patientId}", HttpStatusCode.Unauthorized, "Sign-in"),
            (patient, $"/fhir/Patient/{patientId}", HttpStatusCode.NotFound, "not found"), // issue 14: a patient gets 404 for anything not theirs
            (clinician, "/fhir/Observation", HttpStatusCode.BadRequest, "patient="),
            (clinician, $"/fhir/Observation?patient={patientId}&_count=0", HttpStatusCode.BadRequest, "_count"),
            (clinician, $"/fhir/Observation?patient={patientId}&_offset=-1", HttpStatusCode.BadRequest, "_offset"),
            (clinician, $"/fhir/Observation?patient={patientId}&subject=x", HttpStatusCode.BadRequest, "'subject' is not supported"),
            (clinician, "/fhir/Encounter/abc", HttpStatusCode.NotFound, "does not serve"),
            (clinician, "/fhir/Patient/not-a-guid", HttpStatusCode.NotFound, "not found"),
            (clinician, $"/fhir/Observation/{patientId}-hr", HttpStatusCode.NotFound, "not found"),
        };
        foreach (var (client, path, status, words) in cases)
        {
            var outcome = Assert.IsType<OperationOutcome>(await ReadAsync(client, path, status));
            Assert.Contains(words, outcome.Issue[0].Diagnostics, StringComparison.OrdinalIgnoreCase);
        }

        var post = await clinician.PostAsync("/fhir/Patient", new StringContent("{}", System.Text.Encoding.UTF8, "application/fhir+json"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal("application/fhir+json", post.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void The_shared_validator_fails_a_resource_made_invalid_on_purpose()
    {
        var noStatusNoCode = new Observation { Id = "bad", Subject = new ResourceReference("Patient/x") };
        var heartRateInBeats = FhirResources.VitalObservations(Guid.NewGuid(), new Speciosa.Web.Vitals.VitalSignSet { Id = Guid.NewGuid(), HeartRateBpm = 80, TakenAt = DateTimeOffset.UtcNow })[0];
        heartRateInBeats.Value = new Quantity { Value = 80, Unit = "beats", System = "http://unitsofmeasure.org", Code = "beats" };
        var valid = FhirResources.VitalObservations(Guid.NewGuid(), new Speciosa.Web.Vitals.VitalSignSet { Id = Guid.NewGuid(), HeartRateBpm = 80, TakenAt = DateTimeOffset.UtcNow })[0];

        Assert.NotEmpty(FhirValidation.Errors(noStatusNoCode));
        Assert.NotEmpty(FhirValidation.Errors(heartRateInBeats));
        Assert.Empty(FhirValidation.Errors(valid));
    }

    private static string? Category(Observation o) => o.Category.SelectMany(c => c.Coding).FirstOrDefault()?.Code;

    /// <summary>GETs a FHIR path, checks the status and the content type, and parses the body with the SDK.</summary>
    private static async Task<Resource> ReadAsync(HttpClient client, string path, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("application/fhir+json");
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        return FhirValidation.Parser.DeserializeFromJson(body);
    }

    private static async Task<Guid> DemoPatientAsync(HttpClient client, string family) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/patients?name={family}")).GetProperty("items")[0].GetProperty("id").GetGuid();

    /// <summary>Two lab panels (Hy's law, which raises alerts, and a lone GGT and INR with a lab name), a full set of
    /// vital signs and a set with the SpO2 only.</summary>
    private static async Task AddLabsAndVitalsAsync(HttpClient client, Guid patientId)
    {
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/patients/{patientId}/labs", LiverTestData.HysLawPanel(at))).StatusCode);
        var second = new
        {
            results = new object[]
            {
                new { test = "ggt", value = 30m, unit = "U/L", upperLimitOfNormal = 60m, referenceLow = 8m, collectedAt = at.AddHours(-30), labName = "Demo Lab" },
                new { test = "inr", value = 1.1m, unit = "{INR}", upperLimitOfNormal = 1.2m, collectedAt = at.AddHours(-30), labName = "Demo Lab" },
            },
        };
        var posted = await client.PostAsJsonAsync($"/api/patients/{patientId}/labs", second);
        Assert.True(posted.StatusCode == HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        var vitals = await client.PostAsJsonAsync($"/api/patients/{patientId}/vitals",
            new { heartRateBpm = 88, systolicMmHg = 128, diastolicMmHg = 82, respiratoryRatePerMin = 16, spo2Percent = 97, temperatureCelsius = 36.8m, takenAt = at });
        Assert.True(vitals.StatusCode == HttpStatusCode.Created, await vitals.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/patients/{patientId}/vitals", new { spo2Percent = 95, takenAt = at.AddHours(2) })).StatusCode);
    }

    private sealed record ChartCounts(int Labs, int LabReports, int Assessments, int VitalObservations, int Alerts, int StaffDoses,
        int ReportedDoses, int Lots, int AdverseEvents);

    /// <summary>What the chart's own API shows for the patient.</summary>
    private static async Task<ChartCounts> ChartCountsAsync(HttpClient client, Guid patientId)
    {
        var labs = (await client.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/labs")).EnumerateArray().ToList();
        var assessments = (await client.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/assessments?pageSize=100")).GetProperty("total").GetInt32();
        var vitals = (await client.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/vitals?pageSize=100")).GetProperty("items").EnumerateArray().ToList();
        static bool Has(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;
        var vitalObservations = vitals.Sum(v => (Has(v, "heartRateBpm") ? 1 : 0) + (Has(v, "systolicMmHg") || Has(v, "diastolicMmHg") ? 1 : 0)
            + (Has(v, "respiratoryRatePerMin") ? 1 : 0) + (Has(v, "spo2Percent") ? 1 : 0) + (Has(v, "temperatureCelsius") ? 1 : 0));
        var reports = labs.Select(l => (l.GetProperty("collectedAt").GetDateTimeOffset().UtcTicks, Has(l, "labName") ? l.GetProperty("labName").GetString() : "")).Distinct().Count();
        var alerts = (await AlertTestData.AlertsAsync(client, patientId)).Length;
        var doses = (await client.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/doses?pageSize=100")).GetProperty("items").EnumerateArray().ToList();
        var reported = doses.Count(d => d.GetProperty("patientReported").GetBoolean());
        var lots = doses.Where(d => Has(d, "lotId")).Select(d => d.GetProperty("lotId").GetGuid()).Distinct().Count();
        var events = (await client.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/adverse-events")).GetArrayLength();
        return new ChartCounts(labs.Count, reports, assessments, vitalObservations, alerts, doses.Count - reported, reported, lots, events);
    }
}
