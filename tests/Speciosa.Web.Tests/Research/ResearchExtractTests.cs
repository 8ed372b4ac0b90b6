using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Research;
using Speciosa.Testing;
using Speciosa.Web.Http;
using Speciosa.Web.Research;
using Xunit;

namespace Speciosa.Web.Tests.Research;

/// <summary>Issue 16 item 5: the Researcher's de-identified extract. A patient enrolled with recognisable identifiers and free
/// text (name, birth date at 94, phone, e-mail, an adverse event's own words, a lab's name, an acknowledgement note) leaves
/// none of them in any file; record ids never appear; dates appear only shifted by the patient's secret offset.</summary>
public sealed class ResearchExtractTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private const string Given = "Quintessa";
    private const string Family = "Zabrowski-Marker";
    private const string Phone = "+1 615 555 0142";
    private const string Email = "quintessa.marker@example.org";
    private const string Birth = "1932-05-17";

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task No_identifier_and_no_free_text_survive_in_any_file_and_dates_are_shifted(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var enrol = await clinician.PostAsJsonAsync("/api/patients", new
        {
            givenName = Given, familyName = Family, dateOfBirth = Birth, sex = "female", phone = Phone, email = Email, countryCode = "US",
            subdivisionCode = "US-TN", pregnant = false, breastfeeding = false, planningConception = false,
        });
        Assert.Equal(HttpStatusCode.Created, enrol.StatusCode);
        var patientId = (await enrol.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var assessedAt = new DateTimeOffset(DateTimeOffset.UtcNow.AddHours(-26).UtcDateTime.Date.AddHours(15).AddMinutes(7), TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.Created, (await clinician.PostAsJsonAsync($"/api/patients/{patientId}/assessments",
            WithdrawalTestData.Cows(WithdrawalTestData.ModerateCows, assessedAt))).StatusCode);
        var collectedAt = DateTimeOffset.UtcNow.AddHours(-30);
        Assert.Equal(HttpStatusCode.Created, (await clinician.PostAsJsonAsync($"/api/patients/{patientId}/labs", new
        {
            results = new[] { new { test = "alt", value = 200m, unit = "U/L", upperLimitOfNormal = 40m, collectedAt, labName = "Marker Regional Lab of Quintessa" } },
        })).StatusCode);
        var adverse = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/adverse-events", new
        {
            otherTerm = "MARKER-TERM fell at the Zabrowski farm", grade = 3, onset = DateTimeOffset.UtcNow.AddHours(-3), outcome = "recovering",
            relatedness = "possible", seriousnessCriteria = new[] { "hospitalisation" }, actionTaken = "withdrawn",
            description = "MARKER-DESC her sister rang from 615-555-0199",
        });
        Assert.Equal(HttpStatusCode.Created, adverse.StatusCode);
        var alert = (await AlertTestData.AlertsAsync(clinician, patientId, status: "open"))[0];
        Assert.Equal(HttpStatusCode.OK, (await clinician.PostAsJsonAsync($"/api/alerts/{alert.GetProperty("id").GetGuid()}/acknowledge",
            new { note = "MARKER-NOTE phoned Quintessa", concurrencyStamp = alert.GetProperty("concurrencyStamp").GetGuid() })).StatusCode);

        var researcher = await server.SignedInClientAsync("demo.researcher");
        var files = new Dictionary<string, string>();
        foreach (var file in ResearchDictionary.Files)
        {
            var response = await researcher.GetAsync($"/api/research/{file}.csv");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith($"speciosa-research-{file}-", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
            files[file] = await response.Content.ReadAsStringAsync();
        }

        // What was recorded about anyone in the clinic, and every record id, is in no file.
        var patients = await server.QueryAsync(db => db.Patients.AsNoTracking().ToListAsync());
        var recordIds = await server.QueryAsync(async db => (await db.Assessments.Select(a => a.Id).ToListAsync())
            .Concat(await db.LabResults.Select(r => r.Id).ToListAsync()).Concat(await db.AdverseEvents.Select(e => e.Id).ToListAsync())
            .Concat(await db.Alerts.Select(a => a.Id).ToListAsync()).Concat(await db.Doses.Select(d => d.Id).ToListAsync()).ToList());
        var forbidden = new List<string> { Given, "Zabrowski", Phone, "555-0199", Email, "example.org", Birth, "05/17/1932", "MARKER", "Marker", "sister", "phoned" };
        foreach (var p in patients)
        {
            forbidden.AddRange([p.Id.ToString(), p.Id.ToString("N"), p.GivenName, p.FamilyName.Replace(" (demo)", "", StringComparison.Ordinal),
                p.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
            forbidden.AddRange(new[] { p.Phone, p.Email }.OfType<string>());
        }

        forbidden.AddRange(recordIds.Select(id => id.ToString()));
        foreach (var (file, text) in files)
        {
            foreach (var word in forbidden.Where(w => w.Length >= 5))
            {
                Assert.False(text.Contains(word, StringComparison.Ordinal), $"{file} holds \"{word}\"");
            }

            // Only the dictionary's variables, in its order.
            Assert.Equal(ResearchDictionary.Of(file).Select(v => v.Variable), CsvReader.Parse(text)[0].Fields);
        }

        // The patient is a study id; ages over 89 are 90+; every date of theirs is moved by their secret offset, never 0.
        var subject = await server.QueryAsync(db => db.ResearchSubjects.AsNoTracking().SingleAsync(s => s.PatientId == patientId));
        Assert.True(SafeHarbor.IsValidOffset(subject.DateShiftDays));
        var row = CsvReader.Parse(files["patients"]).Single(r => r.Fields[0] == subject.StudyId).Fields;
        Assert.Equal(SafeHarbor.OldestAgeGroup, row[1]);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var local = TimeZoneInfo.ConvertTime(assessedAt, zone).DateTime;
        var events = CsvReader.Parse(files["events"]).Skip(1).Where(r => r.Fields[0] == subject.StudyId).Select(r => r.Fields).ToList();
        var assessment = events.Single(e => e[1] == "assessment");
        Assert.Equal(local.AddDays(subject.DateShiftDays).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), assessment[2]);
        Assert.DoesNotContain(local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), files["events"], StringComparison.Ordinal);
        Assert.Equal("other", events.Single(e => e[1] == "adverse-event")[ResearchDictionary.Of("events").ToList().FindIndex(v => v.Variable == "ae_term")]);
        Assert.Contains(events, e => e[1] == "liver-result");
        Assert.Contains(CsvReader.Parse(files["patient-days"]).Skip(1), r => r.Fields[0] == subject.StudyId);

        // Each extract is audited with its parameters and names the patients it covered.
        var head = await Speciosa.Web.Tests.Http.CsvExportTests.AuditHeadAsync(server);
        await researcher.GetAsync("/api/research/events.csv?type=liver-result");
        var audit = await Speciosa.Web.Tests.Http.CsvExportTests.LastAuditAsync(server, "research.extract", head);
        Assert.Equal("file=events;type=liver-result", audit.ResourceId);
        Assert.Contains(patientId.ToString("N"), audit.PatientIdsShown, StringComparison.Ordinal);

        // A second extract keeps the same study ids and offsets.
        var again = await researcher.GetStringAsync("/api/research/patients.csv");
        Assert.Contains(subject.StudyId, again, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_researchers_page_shows_cohort_counts_and_the_data_dictionary_and_other_roles_get_no_extract(Database database)
    {
        var server = await servers.On(database);
        var researcher = await server.SignedInClientAsync("demo.researcher");
        var home = await researcher.GetStringAsync("/");
        Assert.Contains("href=\"/research\"", home, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await researcher.GetStringAsync("/research"));
        var clinicPatients = await server.QueryAsync(db => db.Patients.CountAsync());
        var rule = Speciosa.Clinical.Research.CellSuppression.Default;
        Assert.Contains($"Patients in this clinic: {rule.Show(clinicPatients)}.", page, StringComparison.Ordinal);
        Assert.Contains("CMS cell size suppression policy", page, StringComparison.Ordinal);
        Assert.Contains("cows_max", page, StringComparison.Ordinal);
        Assert.Contains("Clinical Opiate Withdrawal Scale (COWS) v1", page, StringComparison.Ordinal);
        Assert.Contains("/api/research/events.csv", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Testwell", page, StringComparison.Ordinal);

        var cohort = await researcher.GetFromJsonAsync<JsonElement>("/api/research/cohort");
        Assert.Equal(rule.Show(clinicPatients), cohort.GetProperty("patients").GetString());
        // No count from 1 to 10 is shown anywhere in the cohort (the demo's groups are small, so some are hidden).
        var cells = new[] { "byStatus", "bySex", "byAgeAtEnrolment" }
            .SelectMany(g => cohort.GetProperty(g).EnumerateArray().Select(c => c.GetProperty("patients").GetString()))
            .Concat(cohort.GetProperty("byEventType").EnumerateArray().SelectMany(e => new[] { e.GetProperty("patients").GetString(), e.GetProperty("events").GetString() }))
            .ToList();
        Assert.Contains("<11", cells);
        Assert.All(cells, c => Assert.True(c == "<11" || int.Parse(c!, System.Globalization.CultureInfo.InvariantCulture) is 0 or >= 11, c));

        var clinician = await server.SignedInClientAsync("demo.clinician");
        Assert.Equal(HttpStatusCode.Forbidden, (await clinician.GetAsync("/api/research/events.csv")).StatusCode);
        var badType = await researcher.GetAsync("/api/research/events.csv?type=names");
        var problem = await badType.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("type", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await researcher.GetAsync("/api/research/secrets.csv")).StatusCode);
    }
}
