// The SDK's model is nullable throughout; a missing element here fails the test with an exception, which is what we want.
#nullable disable warnings
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Speciosa.Web.Tests.Fhir;

/// <summary>Issue 16: a transaction Bundle of laboratory Observations POSTed to the FHIR base enters liver results
/// through the same service as the form and the CSV (same rules, same alerts, audited); all or nothing; idempotent by
/// the Observation's identifier; every refusal an OperationOutcome naming the entry.</summary>
public sealed class FhirLabImportTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_valid_lab_bundle_enters_the_results_raises_the_same_alerts_as_the_form_and_sent_twice_adds_nothing(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var viaForm = await PatientTestData.EnrolAsync(client, "Labformson");
        var viaFhir = await PatientTestData.EnrolAsync(client, "Labbundleson");
        var at = DateTimeOffset.UtcNow.AddHours(-3);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/patients/{viaForm}/labs", LiverTestData.HysLawPanel(at))).StatusCode);

        var bundle = HysLawBundle(viaFhir, at, "run-1");
        var (status, first) = await PostAsync(client, bundle);
        Assert.Equal(HttpStatusCode.OK, status);
        var response = Assert.IsType<Bundle>(first);
        Assert.Equal(Bundle.BundleType.TransactionResponse, response.Type);
        Assert.All(response.Entry, e => Assert.Equal("201 Created", e.Response.Status));
        var labs = (await client.GetFromJsonAsync<JsonElement>($"/api/patients/{viaFhir}/labs")).EnumerateArray().ToList();
        Assert.Equal(4, labs.Count);
        Assert.All(labs, l => Assert.Equal("fhir", l.GetProperty("enteredVia").GetString()));
        Assert.Equal(response.Entry.Select(e => e.Response.Location).Order(), labs.Select(l => "Observation/" + l.GetProperty("id").GetString()).Order());
        var alt = labs.Single(l => l.GetProperty("loinc").GetString() == "1742-6");
        Assert.Equal(5m, alt.GetProperty("timesUln").GetDecimal());

        // The same alerts as the form raised for the same panel: rule, threshold and source each.
        static async Task<List<string>> AlertsOf(HttpClient c, Guid p) => (await AlertTestData.AlertsAsync(c, p))
            .Select(a => $"{a.GetProperty("ruleId").GetString()} | {a.GetProperty("threshold").GetString()} | {a.GetProperty("sourceCitation").GetString()}")
            .Order().ToList();
        var formAlerts = await AlertsOf(client, viaForm);
        Assert.Contains(formAlerts, a => a.StartsWith("liver.potential-hys-law", StringComparison.Ordinal));
        Assert.Equal(formAlerts, await AlertsOf(client, viaFhir));
        Assert.Contains(((OperationOutcome)response.Entry[0].Response.Outcome).Issue, i => i.Diagnostics.Contains("liver.potential-hys-law", StringComparison.Ordinal));

        // Twice: nothing added, each entry answered 200 with the Observation already stored.
        var (again, second) = await PostAsync(client, bundle);
        Assert.Equal(HttpStatusCode.OK, again);
        var secondResponse = Assert.IsType<Bundle>(second);
        Assert.All(secondResponse.Entry, e => Assert.Equal("200 OK", e.Response.Status));
        Assert.Equal(response.Entry.Select(e => e.Response.Location), secondResponse.Entry.Select(e => e.Response.Location));
        Assert.Equal(4, (await client.GetFromJsonAsync<JsonElement>($"/api/patients/{viaFhir}/labs")).GetArrayLength());
        Assert.Equal(formAlerts.Count, (await AlertsOf(client, viaFhir)).Count);

        // The same identifier with another value is refused, naming the entry; still nothing added.
        var changed = HysLawBundle(viaFhir, at, "run-1");
        ((Quantity)((Observation)changed.Entry[0].Resource).Value).Value = 210m;
        var (conflict, refusal) = await PostAsync(client, changed);
        Assert.Equal(HttpStatusCode.BadRequest, conflict);
        var issue = Assert.Single(Assert.IsType<OperationOutcome>(refusal).Issue);
        Assert.Equal("Bundle.entry[0].resource.identifier", issue.Expression.Single());
        Assert.Equal(4, (await client.GetFromJsonAsync<JsonElement>($"/api/patients/{viaFhir}/labs")).GetArrayLength());

        var audit = await server.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "fhir.import").ToListAsync());
        Assert.Contains(audit, a => a.Outcome == "success" && a.PatientId == viaFhir);
        Assert.Contains(audit, a => a.Outcome != "success");
        var errors = new Resource[] { response, secondResponse, refusal }.SelectMany(FhirValidation.Errors).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_bundle_with_one_bad_entry_changes_nothing_for_any_patient_and_says_which_entry_and_what_is_allowed(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var first = await PatientTestData.EnrolAsync(client, "Labfirstson");
        var second = await PatientTestData.EnrolAsync(client, "Labsecondson");
        var at = DateTimeOffset.UtcNow.AddHours(-2);

        // Glucose (2345-7) is not a liver test: the entry is named with the codes allowed.
        var glucose = HysLawBundle(first, at, "bad-code");
        ((Observation)glucose.Entry[2].Resource).Code = new CodeableConcept("http://loinc.org", "2345-7", "Glucose");
        var (status, body) = await PostAsync(client, glucose);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var issue = Assert.Single(Assert.IsType<OperationOutcome>(body).Issue);
        Assert.Equal("Bundle.entry[2].resource.code", issue.Expression.Single());
        Assert.Contains("1742-6", issue.Diagnostics, StringComparison.Ordinal);
        Assert.Contains("6301-6", issue.Diagnostics, StringComparison.Ordinal);

        // A good entry for one patient and a bad unit (the liver service's own rule) for another: neither is stored.
        var mixed = HysLawBundle(first, at, "mixed");
        var other = (Observation)HysLawBundle(second, at, "mixed-2").Entry[0].Resource;
        ((Quantity)other.Value).Code = "mmol/L";
        ((Quantity)other.Value).Unit = "mmol/L";
        other.ReferenceRange[0].High.Code = other.ReferenceRange[0].High.Unit = "mmol/L";
        mixed.Entry.Add(new Bundle.EntryComponent { FullUrl = "urn:uuid:" + Guid.NewGuid(), Resource = other, Request = Post() });
        (status, body) = await PostAsync(client, mixed);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        issue = Assert.Single(Assert.IsType<OperationOutcome>(body).Issue);
        Assert.Equal("Bundle.entry[4].resource.valueQuantity.code", issue.Expression.Single());
        Assert.Contains("U/L", issue.Diagnostics, StringComparison.Ordinal);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/patients/{first}/labs")).GetArrayLength());
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/patients/{second}/labs")).GetArrayLength());
        Assert.Empty(await AlertTestData.AlertsAsync(client, first));

        // Another clinic's patient reads as not found; a body that is not FHIR, or not a transaction, is a 400 — never a 500.
        var stranger = await OtherClinic.ClinicianAsync(server);
        (status, body) = await PostAsync(stranger, HysLawBundle(first, at, "stranger"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.All(Assert.IsType<OperationOutcome>(body).Issue, i => Assert.Equal(OperationOutcome.IssueType.NotFound, i.Code));
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/patients/{first}/labs")).GetArrayLength());
        foreach (var text in new[] { "not json", "{\"resourceType\":\"Patient\"}", "{\"resourceType\":\"Bundle\",\"type\":\"batch\"}" })
        {
            var posted = await client.PostAsync("/fhir", new StringContent(text, Encoding.UTF8, "application/fhir+json"));
            Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
            Assert.Equal("application/fhir+json", posted.Content.Headers.ContentType?.MediaType);
            Assert.IsType<OperationOutcome>(FhirValidation.Parser.DeserializeFromJson(await posted.Content.ReadAsStringAsync()));
        }

        var patient = await server.SignedInClientAsync("demo.patient");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostRawAsync(patient, HysLawBundle(first, at, "patient"))).StatusCode);
    }

    /// <summary>The Hy's law panel of <see cref="LiverTestData.HysLawPanel"/> as a FHIR transaction: ALT 200/40, AST
    /// 150/40, ALP 100/120 U/L, bilirubin 3.0/1.2 mg/dL, each with the lab's identifier.</summary>
    private static Bundle HysLawBundle(Guid patientId, DateTimeOffset at, string run)
    {
        Observation Lab(string loinc, decimal value, string unit, decimal uln) => new()
        {
            Identifier = [new Identifier("https://lab.example/result-id", $"{run}-{patientId:N}-{loinc}")],
            Status = ObservationStatus.Final,
            Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory")],
            Code = new CodeableConcept("http://loinc.org", loinc),
            Subject = new ResourceReference("Patient/" + patientId),
            Effective = new FhirDateTime(at),
            Value = new Quantity { Value = value, Unit = unit, System = "http://unitsofmeasure.org", Code = unit },
            ReferenceRange = [new Observation.ReferenceRangeComponent { High = new Quantity { Value = uln, Unit = unit, System = "http://unitsofmeasure.org", Code = unit } }],
        };

        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        foreach (var o in new[] { Lab("1742-6", 200m, "U/L", 40m), Lab("1920-8", 150m, "U/L", 40m), Lab("6768-6", 100m, "U/L", 120m), Lab("1975-2", 3.0m, "mg/dL", 1.2m) })
        {
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = "urn:uuid:" + Guid.NewGuid(), Resource = o, Request = Post() });
        }

        Assert.Empty(FhirValidation.Errors(bundle));
        return bundle;
    }

    private static Bundle.RequestComponent Post() => new() { Method = Bundle.HTTPVerb.POST, Url = "Observation" };

    private static Task<HttpResponseMessage> PostRawAsync(HttpClient client, Bundle bundle) =>
        client.PostAsync("/fhir", new StringContent(FhirValidation.Parser.SerializeToJson(bundle), Encoding.UTF8, "application/fhir+json"));

    private static async Task<(HttpStatusCode Status, Resource Body)> PostAsync(HttpClient client, Bundle bundle)
    {
        var response = await PostRawAsync(client, bundle);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/fhir+json", $"{(int)response.StatusCode} {text}");
        return (response.StatusCode, FhirValidation.Parser.DeserializeFromJson(text));
    }
}
