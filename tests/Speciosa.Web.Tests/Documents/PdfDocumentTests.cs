using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Documents;

/// <summary>Each printed document (issue 16 item 3), generated for the demo clinic's own patient, lot or recall on both
/// databases and read back with PdfPig: the patient's name and date of birth on every page of a patient's document,
/// "Page n of m", the time it was generated in the clinic's zone (America/New_York), and what a reader checks.</summary>
public sealed class PdfDocumentTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private const string Zone = "America/New_York";
    private const string Morgan = "Morgan Testwell (demo)";
    private const string MorganBorn = "date of birth 1988-03-14";

    private static async Task<Guid> MorganAsync(HttpClient client) => await RegimenTestData.PatientIdAsync(client, "Testwell");

    private static async Task AssertAuditedReadAsync(SpeciosaServer server, string action, Guid? patientId = null) =>
        Assert.True(await server.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == action && a.Outcome == "success"
            && (patientId == null || a.PatientId == patientId))), $"No successful audit row {action}");

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_patient_summary_names_the_patient_on_every_page_and_prints_regimen_scores_liver_alerts_and_medicines(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var id = await MorganAsync(clinician);
        var now = DateTimeOffset.UtcNow;
        var normal = new
        {
            results = new object[]
            {
                new { test = "alt", value = 30m, unit = "U/L", upperLimitOfNormal = 40m, collectedAt = now.AddDays(-12) },
                new { test = "total-bilirubin", value = 0.8m, unit = "mg/dL", upperLimitOfNormal = 1.2m, collectedAt = now.AddDays(-12) },
            },
        };
        Assert.Equal(HttpStatusCode.Created, (await clinician.PostAsJsonAsync($"/api/patients/{id}/labs", normal)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await clinician.PostAsJsonAsync($"/api/patients/{id}/labs", LiverTestData.HysLawPanel(now.AddHours(-3)))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await clinician.PostAsJsonAsync($"/api/patients/{id}/medicines", new { name = "alprazolam 0.5 mg tid" })).StatusCode);
        var openAlerts = await AlertTestData.AlertsAsync(clinician, id, status: "open");
        Assert.NotEmpty(openAlerts);

        var before = DateTimeOffset.UtcNow;
        var pdf = await PdfText.GetAsync(clinician, $"/api/patients/{id}/summary.pdf");
        var after = DateTimeOffset.UtcNow;

        Assert.True(pdf.Pages.Count >= 2, $"A summary with charts and tables runs to more than one page; got {pdf.Pages.Count}");
        pdf.AssertEveryPage("Patient summary", Morgan, MorganBorn, $"record {id}");
        pdf.AssertPageNumbers();
        pdf.AssertGeneratedIn(Zone, before, after);
        pdf.AssertSays("Regimen (version", "Demo values, not a recommended regimen", "2 g per administration",
            "Withdrawal scores", "Clinical Opiate Withdrawal Scale", "Liver tests", "× ULN", "Open alerts", "Medicines", "alprazolam", "0.5 mg", "tid");
        foreach (var alert in openAlerts)
        {
            pdf.AssertSays(alert.GetProperty("ruleId").GetString()!);
        }

        Assert.True(pdf.ImageCounts.Sum() >= 2, "The withdrawal and liver charts are drawn into the PDF");
        Assert.DoesNotContain("Testwell", pdf.FileName!, StringComparison.Ordinal);
        Assert.EndsWith(".pdf", pdf.FileName!, StringComparison.Ordinal);
        await AssertAuditedReadAsync(server, "patient.summary-pdf", id);

        var other = await OtherClinic.ClinicianAsync(server);
        await (await other.GetAsync($"/api/patients/{id}/summary.pdf")).AssertProblemAsync(HttpStatusCode.NotFound);
        var patient = await server.SignedInClientAsync("demo.patient");
        await (await patient.GetAsync($"/api/patients/{id}/summary.pdf")).AssertProblemAsync(HttpStatusCode.Forbidden);

        var overview = await clinician.GetStringAsync($"/patients/{id}");
        Assert.Contains($"href=\"/api/patients/{id}/summary.pdf\"", overview, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_patient_prints_their_own_taper_calendar_in_plain_words_without_rules_or_thresholds(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var id = await MorganAsync(clinician);
        var regimen = (await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/regimens"))[0];
        var regimenId = regimen.GetProperty("id").GetGuid();
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
        var saved = await clinician.PutAsJsonAsync($"/api/patients/{id}/regimens/{regimenId}/taper", new
        {
            taper = new
            {
                entries = new[]
                {
                    new { startsOn = start.ToString("yyyy-MM-dd"), gramsPerDay = 4m, basis = "75% of starting dose (rule basis)" },
                    new { startsOn = start.AddDays(7).ToString("yyyy-MM-dd"), gramsPerDay = 2.5m, basis = "threshold basis" },
                    new { startsOn = start.AddDays(14).ToString("yyyy-MM-dd"), gramsPerDay = 0m, basis = "end" },
                },
            },
            reason = "Taper agreed with the patient", concurrencyStamp = regimen.GetProperty("concurrencyStamp").GetGuid(), confirmLegalWarning = true,
        });
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());

        var patient = await server.SignedInClientAsync("demo.patient");
        var before = DateTimeOffset.UtcNow;
        var pdf = await PdfText.GetAsync(patient, $"/api/patients/{id}/regimens/{regimenId}/taper.pdf");
        var after = DateTimeOffset.UtcNow;

        pdf.AssertEveryPage("Your taper calendar", Morgan, MorganBorn);
        pdf.AssertPageNumbers();
        pdf.AssertGeneratedIn(Zone, before, after);
        string Day(DateOnly d) => d.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        pdf.AssertSays(Day(start), Day(start.AddDays(6)), "Up to 4 g in a day", Day(start.AddDays(7)), "Up to 2.5 g in a day",
            Day(start.AddDays(14)), "No kratom. The taper is finished.", "Do not take more", "naloxone");
        // "If you feel unwell": the lines of knowledge/dosing/taper-handout.json, each with its sources (the clinical audit);
        // the earlier unsourced wording is gone.
        pdf.AssertSays(Speciosa.Clinical.Regimens.TaperHandout.Default.Lines.Select(l => l.Text).ToArray());
        pdf.AssertDoesNotSay("if you cannot sleep or eat", "withdrawal feels hard to bear");
        pdf.AssertDoesNotSay("basis", "Basis", "threshold", "Threshold", "rule", "Rule", "MME", "COWS", "SOWS");
        Assert.DoesNotContain("Testwell", pdf.FileName!, StringComparison.Ordinal);
        await AssertAuditedReadAsync(server, "regimen.taper-pdf", id);

        var other = await OtherClinic.ClinicianAsync(server);
        await (await other.GetAsync($"/api/patients/{id}/regimens/{regimenId}/taper.pdf")).AssertProblemAsync(HttpStatusCode.NotFound);
        var page = await patient.GetStringAsync($"/patients/{id}/regimen");
        Assert.Contains($"href=\"/api/patients/{id}/regimens/{regimenId}/taper.pdf\"", page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_lots_certificate_verdict_prints_with_each_reason_its_standard_limit_and_source(Database database)
    {
        var server = await servers.On(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        var lotId = await ProductTestData.DemoLotIdAsync(quality, DemoProducts.FailingLot);
        var lot = await quality.GetFromJsonAsync<JsonElement>($"/api/lots/{lotId}");
        var reasons = lot.GetProperty("verdict").GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("outcome").GetString() != "Pass").ToList();
        Assert.NotEmpty(reasons);

        var nurse = await server.SignedInClientAsync("demo.nurse");
        var before = DateTimeOffset.UtcNow;
        var pdf = await PdfText.GetAsync(nurse, $"/api/lots/{lotId}/certificate.pdf");
        var after = DateTimeOffset.UtcNow;

        pdf.AssertEveryPage($"Certificate verdict: lot {DemoProducts.FailingLot}");
        pdf.AssertPageNumbers();
        pdf.AssertGeneratedIn(Zone, before, after);
        pdf.AssertSays("Verdict:", "Reasons", "Certificate of analysis", "State history", lot.GetProperty("productName").GetString()!);
        foreach (var f in reasons)
        {
            pdf.AssertSays(f.GetProperty("analyte").GetString()!, $"{f.GetProperty("standardId").GetString()} v{f.GetProperty("standardVersion").GetInt32()}");
        }

        pdf.AssertSays(reasons.Any(f => f.GetProperty("outOfLimit").GetBoolean()) ? "Out of limit" : "Not shown compliant");
        await AssertAuditedReadAsync(server, "lot.certificate-pdf");

        var other = await OtherClinic.ClinicianAsync(server);
        await (await other.GetAsync($"/api/lots/{lotId}/certificate.pdf")).AssertProblemAsync(HttpStatusCode.NotFound);
        var patient = await server.SignedInClientAsync("demo.patient");
        // Issue 14: a patient is refused anything not theirs with 404, whatever the id names.
        await (await patient.GetAsync($"/api/lots/{lotId}/certificate.pdf")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains($"href=\"/api/lots/{lotId}/certificate.pdf\"", await nurse.GetStringAsync($"/lots/{lotId}"), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_recalls_exposed_patient_list_prints_each_exposed_patient_with_date_of_birth(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        var lotId = await ProductTestData.DemoLotIdAsync(quality, DemoProducts.PassingLot);
        var recall = await quality.PostAsJsonAsync($"/api/lots/{lotId}/recall",
            new { reason = "Supplier notice: possible contamination", exposureWindowDays = 30, concurrencyStamp = await ProductTestData.LotStampAsync(quality, lotId) });
        Assert.Equal(HttpStatusCode.OK, recall.StatusCode);

        var before = DateTimeOffset.UtcNow;
        var pdf = await PdfText.GetAsync(quality, $"/api/lots/{lotId}/exposures.pdf?windowDays=30");
        var after = DateTimeOffset.UtcNow;

        pdf.AssertEveryPage($"Patients exposed to lot {DemoProducts.PassingLot}");
        pdf.AssertPageNumbers();
        pdf.AssertGeneratedIn(Zone, before, after);
        pdf.AssertSays("Recalled", "Exposed patients 3", "Morgan Testwell", "1988-03-14", "Jordan Sampleton", "1979-11-02", "Avery Placeholder", "1993-07-21");
        pdf.AssertDoesNotSay(DemoRegimens.FourthFamily);
        var shown = await server.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "lot.exposures-pdf").Select(a => a.PatientIdsShown).SingleAsync());
        Assert.Equal(3, shown!.Split(',').Length);

        var nurse = await server.SignedInClientAsync("demo.nurse");
        await (await nurse.GetAsync($"/api/lots/{lotId}/exposures.pdf")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains($"href=\"/api/lots/{lotId}/exposures.pdf?windowDays=30\"", await quality.GetStringAsync($"/lots/{lotId}/exposures?windowDays=30"), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_medwatch_draft_prints_the_json_drafts_sections_with_initials_in_section_a_and_the_name_on_no_page(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var id = await MorganAsync(clinician);
        var created = await clinician.PostAsJsonAsync($"/api/patients/{id}/adverse-events", new
        {
            otherTerm = "Generalised seizure", grade = 3, onset = DateTimeOffset.UtcNow.AddHours(-2), outcome = "recovering", relatedness = "probable",
            seriousnessCriteria = new[] { "hospitalisation" }, actionTaken = "withdrawn", description = "Admitted overnight.",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var eventId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("event").GetProperty("id").GetGuid();
        var json = await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/adverse-events/{eventId}/medwatch");

        var before = DateTimeOffset.UtcNow;
        var pdf = await PdfText.GetAsync(clinician, $"/api/patients/{id}/adverse-events/{eventId}/medwatch.pdf");
        var after = DateTimeOffset.UtcNow;

        // MedWatch 3500 section A identifies the patient in confidence by initials: so does every page's header; no name anywhere.
        pdf.AssertEveryPage("MedWatch 3500 draft", "Patient identifier MT", MorganBorn, $"record {id}");
        pdf.AssertDoesNotSay("Testwell", "Morgan");
        pdf.AssertPageNumbers();
        pdf.AssertGeneratedIn(Zone, before, after);
        Assert.Equal("MT", json.GetProperty("sectionA_patient").GetProperty("identifier").GetString());
        pdf.AssertSays("A. Patient information", "Patient identifier (initials) MT", "B. Adverse event", "Generalised seizure, CTCAE grade 3",
            "hospitalisation", "Date of event " + json.GetProperty("sectionB_adverseEvent").GetProperty("dateOfEvent").GetString(),
            "E. Suspect product", "Action taken with kratom withdrawn", "Relatedness", "probable", "G. Reporter", "Dr Casey Clinician (demo)");
        Assert.DoesNotContain("Testwell", pdf.FileName!, StringComparison.Ordinal);
        await AssertAuditedReadAsync(server, "adverse-event.export-pdf", id);

        var other = await OtherClinic.ClinicianAsync(server);
        await (await other.GetAsync($"/api/patients/{id}/adverse-events/{eventId}/medwatch.pdf")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains($"/api/patients/{id}/adverse-events/{eventId}/medwatch.pdf", await clinician.GetStringAsync($"/patients/{id}/adverse-events"), StringComparison.Ordinal);
    }
}
