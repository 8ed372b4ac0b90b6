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

namespace Speciosa.Web.Tests.Fhir;

/// <summary>Issue 16 item 1, the rest of the mapping: the lot as a Medication with its certificate's tested content, the
/// regimen as a MedicationRequest (exactly the clinician's order), PHQ-9 and AUDIT-C as Questionnaire, QuestionnaireResponse
/// and Observation, pregnancy and a legal refusal as Flags, the care plan as a CarePlan — each read, searched, in
/// $everything, scoped to the caller's clinic and validated by the shared Firely validator; and Bulk Data <c>_since</c> by
/// the time a record changed, with exports that expire.</summary>
public sealed class FhirMappingTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_regimen_lot_screenings_flags_and_care_plan_are_read_searched_scoped_in_everything_and_validate(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (patientId, lotId) = await RegimenTestData.PatientOnAnOrderAsync(clinician);
        var regimen = (await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/regimens"))[0];
        var regimenId = regimen.GetProperty("id").GetGuid();
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
        var taper = await clinician.PutAsJsonAsync($"/api/patients/{patientId}/regimens/{regimenId}/taper", new
        {
            taper = new
            {
                entries = new[]
                {
                    new { startsOn = start.ToString("yyyy-MM-dd"), gramsPerDay = 4m, basis = "agreed" },
                    new { startsOn = start.AddDays(7).ToString("yyyy-MM-dd"), gramsPerDay = 0m, basis = "end" },
                },
            },
            reason = "Taper agreed with the patient", concurrencyStamp = regimen.GetProperty("concurrencyStamp").GetGuid(), confirmLegalWarning = true,
        });
        Assert.True(taper.StatusCode == HttpStatusCode.OK, await taper.Content.ReadAsStringAsync());
        var phq9 = await ScreenAsync(clinician, patientId, "phq-9", 9);
        await ScreenAsync(clinician, patientId, "audit-c", 3);
        Assert.Equal(HttpStatusCode.OK, (await clinician.PutAsJsonAsync($"/api/patients/{patientId}/care-plan", new
        {
            reason = "Plan agreed at enrolment",
            activities = new object[] { new { kind = "counselling", title = "Weekly counselling", days = new[] { "Monday", "Thursday" }, times = new[] { "10:00" }, goal = "Attend each session" } },
        })).StatusCode);
        // Pregnant, then moved to Alabama, where the registry refuses kratom supply.
        Assert.Equal(HttpStatusCode.OK, (await clinician.PutWholeRecordAsync(patientId, r => r["pregnant"] = true)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clinician.PutWholeRecordAsync(patientId, r => r["subdivisionCode"] = "US-AL")).StatusCode);

        var everything = await EverythingAsync(clinician, patientId);

        // The regimen: the clinician's numbers and nothing else; the taper's periods with their daily most.
        var request = Assert.Single(everything.OfType<MedicationRequest>());
        Assert.Equal(regimenId.ToString(), request.Id);
        Assert.Equal(MedicationRequest.MedicationRequestIntent.Order, request.Intent);
        Assert.Equal("Medication/" + lotId, ((ResourceReference)request.Medication).Reference);
        var order = request.DosageInstruction[0];
        Assert.Equal(2m, ((Quantity)order.DoseAndRate[0].Dose).Value);
        Assert.Equal("g", ((Quantity)order.DoseAndRate[0].Dose).Code);
        Assert.Equal(3, order.Timing.Repeat.FrequencyMax!.Value);
        Assert.Equal(6m, order.MaxDosePerPeriod.Numerator.Value);
        Assert.Equal("d", order.MaxDosePerPeriod.Denominator.Code);
        Assert.Equal(new decimal?[] { 4m, 0m }, request.DosageInstruction.Skip(1).Select(d => d.MaxDosePerPeriod.Numerator.Value));
        Assert.Equal(start.ToString("yyyy-MM-dd"), ((Period)request.DosageInstruction[1].Timing.Repeat.Bounds).Start);
        // The lot: batch and the tested content of its certificate (15 mg/g mitragynine, 0.15 mg/g 7-OH in the demo).
        var lot = everything.OfType<Medication>().Single(m => m.Id == lotId.ToString());
        Assert.Equal(new decimal?[] { 15m, 0.15m }, lot.Ingredient.Select(i => i.Strength.Numerator.Value));
        Assert.All(lot.Ingredient, i => Assert.Equal("g", i.Strength.Denominator.Code));
        Assert.Contains("Mitragynine", ((CodeableConcept)lot.Ingredient[0].Item).Text, StringComparison.Ordinal);
        Assert.All(lot.Ingredient, i => Assert.Empty(((CodeableConcept)i.Item).Coding)); // no code is confirmed: text only
        // PHQ-9: the response against its versioned Questionnaire, the total as a survey Observation derived from it.
        var response = everything.OfType<QuestionnaireResponse>().Single(r => r.Id == phq9.ToString());
        Assert.Equal("https://speciosa.example/fhir/Questionnaire/phq-9|1", response.Questionnaire);
        var score = everything.OfType<Observation>().Single(o => o.Id == phq9.ToString());
        Assert.Equal("phq-9-total", score.Code.Coding[0].Code);
        Assert.Equal(9m, ((Quantity)score.Value).Value);
        Assert.Contains(everything.OfType<Observation>(), o => o.Code.Coding[0].Code == "audit-c-total");
        // Flags and the care plan.
        Assert.Equal(new[] { "kratom-supply-refused", "pregnant" }, everything.OfType<Flag>().Select(f => f.Code.Coding[0].Code).Order(StringComparer.Ordinal));
        var plan = Assert.Single(everything.OfType<CarePlan>());
        Assert.Equal("counselling", plan.Activity[0].Detail.Code.Coding[0].Code);
        Assert.Equal(new[] { "10:00:00" }, ((Timing)plan.Activity[0].Detail.Scheduled).Repeat.TimeOfDay);

        // Read and search each; another clinic sees none of them.
        var other = await OtherClinic.ClinicianAsync(server);
        var questionnaire = Assert.IsType<Questionnaire>(await FhirReadAsync(clinician, "/fhir/Questionnaire/phq-9", HttpStatusCode.OK));
        Assert.Equal(9, questionnaire.Item.Count);
        foreach (var resource in new Resource[] { request, lot, response, score, plan }.Concat(everything.OfType<Flag>()))
        {
            var path = $"/fhir/{resource.TypeName}/{resource.Id}";
            Assert.Equal(resource.Id, (await FhirReadAsync(clinician, path, HttpStatusCode.OK)).Id);
            Assert.IsType<OperationOutcome>(await FhirReadAsync(other, path, HttpStatusCode.NotFound));
        }

        foreach (var (type, count) in new[] { ("MedicationRequest", 1), ("Flag", 2), ("CarePlan", 1), ("QuestionnaireResponse", 2) })
        {
            Assert.Equal(count, ((Bundle)await FhirReadAsync(clinician, $"/fhir/{type}?patient={patientId}", HttpStatusCode.OK)).Total);
            Assert.Equal(0, ((Bundle)await FhirReadAsync(other, $"/fhir/{type}?patient={patientId}", HttpStatusCode.OK)).Total);
        }

        var errors = everything.Append(questionnaire).SelectMany(FhirValidation.Errors).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        // With SPECIOSA_FHIR_NDJSON_DIR set (.ci/run), this chart is also written as ndjson for the second validator (medplum),
        // which the demo clinic's export alone would not show a Flag or a CarePlan.
        if (Environment.GetEnvironmentVariable("SPECIOSA_FHIR_NDJSON_DIR") is { Length: > 0 } root)
        {
            var folder = Path.Combine(root, database + "-mapping");
            Directory.CreateDirectory(folder);
            foreach (var type in everything.Append(questionnaire).GroupBy(r => r.TypeName))
            {
                await File.WriteAllLinesAsync(Path.Combine(folder, type.Key + ".ndjson"), type.Select(r => FhirValidation.Parser.SerializeToJson(r)));
            }
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Since_exports_a_record_changed_after_it_and_an_export_past_its_retention_answers_410_and_loses_its_files(Database database)
    {
        var own = await servers.NewDatabaseAsync(database);
        await using var server = await own.StartServerAsync(settings: new Dictionary<string, string>
        {
            ["Fhir:ExportPollMs"] = "200", ["Fhir:ExportRetentionSeconds"] = "3",
        });
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var patientId = await PatientTestData.EnrolAsync(clinician, "Fhirsince");
        var collected = DateTimeOffset.UtcNow.AddDays(-3);
        Assert.Equal(HttpStatusCode.Created, (await clinician.PostAsJsonAsync($"/api/patients/{patientId}/labs", LiverTestData.HysLawPanel(collected))).StatusCode);
        var labs = (await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/labs")).EnumerateArray().Select(l => l.GetProperty("id").GetString()).ToList();
        await Task.Delay(100);
        var since = DateTimeOffset.UtcNow;
        await Task.Delay(100);
        // Collected three days ago, recorded before _since, marked entered in error after it: a change the export must carry.
        var marked = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/labs/{labs[0]}/entered-in-error", new { reason = "Wrong patient's sample" });
        Assert.True(marked.StatusCode == HttpStatusCode.OK, await marked.Content.ReadAsStringAsync());

        var kickOff = await KickOffAsync(clinician, "/fhir/$export?_type=Observation&_since=" + Uri.EscapeDataString(since.ToString("yyyy-MM-ddTHH:mm:ss.fffZ")));
        Assert.Equal(HttpStatusCode.Accepted, kickOff.StatusCode);
        var status = new Uri(kickOff.Content.Headers.ContentLocation!.ToString()).PathAndQuery;
        JsonElement manifest = default;
        for (var i = 0; i < 300 && manifest.ValueKind == JsonValueKind.Undefined; i++)
        {
            var poll = await clinician.GetAsync(status);
            if (poll.StatusCode == HttpStatusCode.OK)
            {
                manifest = JsonDocument.Parse(await poll.Content.ReadAsStringAsync()).RootElement;
                Assert.NotNull(poll.Content.Headers.Expires);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Accepted, poll.StatusCode);
                await Task.Delay(100);
            }
        }

        var file = new Uri(Assert.Single(manifest.GetProperty("output").EnumerateArray()).GetProperty("url").GetString()).PathAndQuery;
        var lines = (await clinician.GetStringAsync(file)).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => (Observation)FhirValidation.Parser.DeserializeFromJson(l)).Where(o => o.Subject.Reference == "Patient/" + patientId).ToList();
        var changed = Assert.Single(lines);
        Assert.Equal(labs[0], changed.Id);
        Assert.Equal(ObservationStatus.EnteredInError, changed.Status);
        Assert.True(changed.Meta.LastUpdated >= since);

        // Past the retention (3 s here): the status and the file answer 410 Gone, then the worker deletes the files.
        await Task.Delay(3200);
        Assert.Equal(HttpStatusCode.Gone, (await clinician.GetAsync(status)).StatusCode);
        var expiredFile = await clinician.GetAsync(file);
        Assert.True(expiredFile.StatusCode is HttpStatusCode.Gone or HttpStatusCode.NotFound, $"{(int)expiredFile.StatusCode}");
        var jobId = Guid.Parse(status[(status.LastIndexOf('/') + 1)..]);
        var left = 1;
        for (var i = 0; i < 50 && left > 0; i++)
        {
            await Task.Delay(100);
            left = await server.QueryAsync(db => db.FhirExportFiles.CountAsync(f => f.JobId == jobId));
        }

        Assert.Equal(0, left);
        Assert.Equal(HttpStatusCode.Gone, (await clinician.GetAsync(status)).StatusCode);
    }

    private static async Task<Guid> ScreenAsync(HttpClient clinician, Guid patientId, string instrument, int total)
    {
        var items = instrument == "phq-9" ? 9 : 3;
        var answers = Enumerable.Range(1, items).ToDictionary(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture), i => i <= total ? 1 : 0);
        if (instrument == "phq-9")
        {
            answers["9"] = 0;
            answers["1"] = 1 + (total - answers.Values.Sum());
        }

        var posted = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/screenings", new { instrumentId = instrument, answers, assessedAt = DateTimeOffset.UtcNow.AddHours(-1) });
        var body = await posted.Content.ReadAsStringAsync();
        Assert.True(posted.StatusCode == HttpStatusCode.Created, body);
        var root = JsonDocument.Parse(body).RootElement;
        return (root.TryGetProperty("screening", out var s) ? s : root).GetProperty("id").GetGuid();
    }

    private static async Task<List<Resource>> EverythingAsync(HttpClient client, Guid patientId)
    {
        var resources = new List<Resource>();
        var url = $"/fhir/Patient/{patientId}/$everything?_count=100";
        while (url is not null)
        {
            var bundle = Assert.IsType<Bundle>(await FhirReadAsync(client, url, HttpStatusCode.OK));
            resources.AddRange(bundle.Entry.Select(e => e.Resource));
            url = bundle.Link.FirstOrDefault(l => l.Relation == "next")?.Url is { } next ? new Uri(next).PathAndQuery : null;
        }

        return resources;
    }

    private static async Task<Resource> FhirReadAsync(HttpClient client, string path, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("application/fhir+json");
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return FhirValidation.Parser.DeserializeFromJson(body);
    }

    private static async Task<HttpResponseMessage> KickOffAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("application/fhir+json");
        request.Headers.Add("Prefer", "respond-async");
        return await client.SendAsync(request);
    }
}
