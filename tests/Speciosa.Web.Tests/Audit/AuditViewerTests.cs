using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Audit;

/// <summary>Issue 15 item 7: the admin searches the audit log by patient, user, action and time, pages it, exports it as
/// CSV, sees the chain's verification beside it, and the search is itself audited.</summary>
public sealed class AuditViewerTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_admin_finds_who_opened_a_patient_exports_it_as_csv_and_the_search_is_itself_audited(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var patientId = await PatientTestData.EnrolAsync(clinician, "Audited");
        Assert.Equal(HttpStatusCode.OK, (await clinician.GetAsync($"/patients/{patientId}")).StatusCode);
        var admin = await server.SignedInClientAsync("demo.admin");
        var clinicianId = await server.QueryAsync(db => db.Users.Where(u => u.UserName == "demo.clinician").Select(u => u.Id).SingleAsync());

        var byPatient = await admin.GetFromJsonAsync<JsonElement>($"/api/audit/entries?patientId={patientId}&pageSize=100");
        var items = byPatient.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, e => Assert.Equal(patientId, e.GetProperty("patientId").GetGuid()));
        Assert.Contains(items, e => e.GetProperty("userName").GetString() == "Dr Casey Clinician (demo)");
        var sequences = items.Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.OrderDescending(), sequences);

        var byUserAndAction = await admin.GetFromJsonAsync<JsonElement>(
            $"/api/audit/entries?userId={clinicianId}&action=patient.create&from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}&pageSize=1");
        Assert.True(byUserAndAction.GetProperty("total").GetInt32() >= 1);
        Assert.Single(byUserAndAction.GetProperty("items").EnumerateArray());
        Assert.All(byUserAndAction.GetProperty("items").EnumerateArray(), e => Assert.Equal("patient.create", e.GetProperty("action").GetString()));

        // The page: the search form, the result in clinic time, the CSV link, and the verification beside it.
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/audit?search=1&patientId={patientId}&verify=1"));
        Assert.Contains("Intact:", page, StringComparison.Ordinal);
        Assert.Contains("newest first; times in America/New_York", page, StringComparison.Ordinal);
        Assert.Contains("Dr Casey Clinician (demo)", page, StringComparison.Ordinal);
        // A filter that cannot run shows its problem beside the field, keeps what was typed and searches nothing.
        var bad = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit?search=1&patientId=Morgan"));
        Assert.Contains("id=\"patientId-problem\"", bad, StringComparison.Ordinal);
        Assert.Contains("patient record id", bad, StringComparison.Ordinal);
        Assert.Contains("value=\"Morgan\"", bad, StringComparison.Ordinal);
        Assert.DoesNotContain("newest first", bad, StringComparison.Ordinal);

        var csv = await admin.GetAsync($"/api/audit/entries.csv?patientId={patientId}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("sequence,occurred_at (America/New_York),user,user_id,action", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("Dr Casey Clinician (demo)", text, StringComparison.Ordinal);

        // Each search and the export are in the log, naming the patient searched for.
        var searches = new List<string>();
        for (var wait = 0; wait < 50 && searches.Distinct().Count() < 2; wait++)
        {
            await Task.Delay(100);
            searches = await server.QueryAsync(db => db.AuditEntries.Where(e => e.PatientId == patientId
                && (e.Action == "audit.search" || e.Action == "audit.export")).Select(e => e.Action).ToListAsync());
        }

        Assert.Contains("audit.search", searches);
        Assert.Contains("audit.export", searches);

        // Not for clinicians.
        Assert.Equal(HttpStatusCode.Forbidden, (await clinician.GetAsync($"/api/audit/entries?patientId={patientId}")).StatusCode);
    }
}
