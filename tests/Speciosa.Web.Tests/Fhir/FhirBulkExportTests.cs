// The SDK's model is nullable throughout; a missing element here fails the test with an exception, which is what we want.
#nullable disable warnings
using System.Net;
using System.Text.Json;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Speciosa.Web.Fhir;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Speciosa.Web.Tests.Fhir;

/// <summary>Issue 16: FHIR Bulk Data $export — kick-off with Prefer: respond-async, 202 and Content-Location, polling
/// (202 with X-Progress, then 200 with the manifest), ndjson files by URL that the shared validator passes, DELETE to
/// cancel; scoped to the caller's clinic and audited; a restart of the app mid-export resumes the job.</summary>
public sealed class FhirBulkExportTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_export_is_kicked_off_polled_and_downloaded_as_ndjson_that_validates_and_only_the_clinic_that_asked_sees_it(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");

        var refused = await client.GetAsync("/fhir/$export");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("respond-async", ((OperationOutcome)FhirValidation.Parser.DeserializeFromJson(await refused.Content.ReadAsStringAsync())).Issue[0].Diagnostics, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await KickOffAsync(client, "/fhir/$export?_type=Encounter")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await KickOffAsync(client, "/fhir/$export?_since=yesterday")).StatusCode);

        var kickOff = await KickOffAsync(client, "/fhir/$export?_type=Patient,Observation,DetectedIssue,Medication,Questionnaire");
        Assert.Equal(HttpStatusCode.Accepted, kickOff.StatusCode);
        var status = StatusPath(kickOff);
        var manifest = await PollAsync(client, status);
        Assert.Equal(JsonValueKind.String, manifest.GetProperty("transactionTime").ValueKind);
        Assert.True(manifest.GetProperty("requiresAccessToken").GetBoolean());
        var output = manifest.GetProperty("output").EnumerateArray().ToList();
        Assert.Equal(["Patient", "Observation", "DetectedIssue", "Medication", "Questionnaire"], output.Select(o => o.GetProperty("type").GetString()));

        var resources = await DownloadAsync(client, output);
        var patients = (Bundle)FhirValidation.Parser.DeserializeFromJson(await client.GetStringAsync("/fhir/Patient?_count=1"));
        Assert.Equal(patients.Total, resources.Count(r => r is Hl7.Fhir.Model.Patient));
        Assert.Contains(resources, r => r is Observation);
        var errors = resources.SelectMany(FhirValidation.Errors).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));

        // Another clinic: neither the status nor a file.
        var stranger = await OtherClinic.ClinicianAsync(server);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(status)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri(output[0].GetProperty("url").GetString()).PathAndQuery)).StatusCode);

        // Patient level with _since in the future: only what has no time (Medications, Questionnaires) is left.
        var later = await KickOffAsync(client, "/fhir/Patient/$export?_since=" + Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(30).ToString("yyyy-MM-ddTHH:mm:ssZ")));
        Assert.Equal(HttpStatusCode.Accepted, later.StatusCode);
        var laterStatus = StatusPath(later);
        var laterTypes = (await PollAsync(client, laterStatus)).GetProperty("output").EnumerateArray().Select(o => o.GetProperty("type").GetString()).ToList();
        Assert.DoesNotContain("Patient", laterTypes);
        Assert.DoesNotContain("Observation", laterTypes);

        // DELETE cancels: the status is gone, and so are the files.
        Assert.Equal(HttpStatusCode.Accepted, (await client.DeleteAsync(status)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(status)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(output[0].GetProperty("url").GetString()).PathAndQuery)).StatusCode);

        var audit = await server.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action.StartsWith("fhir.export")).ToListAsync());
        foreach (var action in new[] { "fhir.export", "fhir.export-status", "fhir.export-file", "fhir.export-cancel" })
        {
            Assert.Contains(audit, a => a.Action == action && a.Outcome == "success");
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_restart_of_the_app_mid_export_resumes_the_job_and_the_manifest_is_whole(Database database)
    {
        var own = await servers.NewDatabaseAsync(database);
        var slow = new Dictionary<string, string> { ["Fhir:ExportPauseMs"] = "1500", ["Fhir:ExportLeaseSeconds"] = "3", ["Fhir:ExportPollMs"] = "200" };
        string status;
        Guid jobId;
        await using (var first = await own.StartServerAsync(settings: slow))
        {
            var client = await first.SignedInClientAsync("demo.clinician");
            var kickOff = await KickOffAsync(client, "/fhir/$export");
            Assert.Equal(HttpStatusCode.Accepted, kickOff.StatusCode);
            status = StatusPath(kickOff);
            jobId = Guid.Parse(status[(status.LastIndexOf('/') + 1)..]);
            var progress = "";
            for (var i = 0; i < 200 && !progress.StartsWith("2 of", StringComparison.Ordinal); i++)
            {
                var poll = await client.GetAsync(status);
                Assert.Equal(HttpStatusCode.Accepted, poll.StatusCode);
                progress = poll.Headers.TryGetValues("X-Progress", out var values) ? values.Single() : "";
                await Task.Delay(100);
            }

            Assert.StartsWith("2 of", progress, StringComparison.Ordinal);
        }

        // Stopped mid-export (looked at with the worker off): some files written, the job still running, the status a 202
        // with its progress — no manifest.
        await using (var stopped = await own.StartServerAsync(settings: new Dictionary<string, string> { ["Fhir:ExportEnabled"] = "false" }))
        {
            var written = await stopped.QueryAsync(db => db.FhirExportFiles.CountAsync(f => f.JobId == jobId));
            Assert.InRange(written, 2, FhirChart.Types.Count - 1);
            Assert.Equal(FhirExportJob.Running, (await stopped.QueryAsync(db => db.FhirExportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId))).Status);
            var poll = await (await stopped.SignedInClientAsync("demo.clinician")).GetAsync(status);
            Assert.Equal(HttpStatusCode.Accepted, poll.StatusCode);
            Assert.Contains($"{written} of {FhirChart.Types.Count}", poll.Headers.GetValues("X-Progress").Single(), StringComparison.Ordinal);
        }

        // Started again: the job is taken up once its lease has run out and goes on from where it stopped.
        await using var second = await own.StartServerAsync(settings: new Dictionary<string, string> { ["Fhir:ExportLeaseSeconds"] = "3", ["Fhir:ExportPollMs"] = "200" });
        var again = await second.SignedInClientAsync("demo.clinician");
        var manifest = await PollAsync(again, status);
        var job = await second.QueryAsync(db => db.FhirExportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId));
        Assert.Equal(FhirExportJob.Completed, job.Status);
        Assert.Equal(2, job.Attempts);
        var files = await second.QueryAsync(db => db.FhirExportFiles.AsNoTracking().Where(f => f.JobId == jobId).Select(f => f.Type).ToListAsync());
        Assert.Equal(FhirChart.Types.Order(), files.Order());
        var output = manifest.GetProperty("output").EnumerateArray().ToList();
        Assert.Equal(output.Count, output.Select(o => o.GetProperty("type").GetString()).Distinct().Count());
        var resources = await DownloadAsync(again, output, saveUnder: database.ToString());
        Assert.Equal(output.Sum(o => o.GetProperty("count").GetInt32()), resources.Count);
        var errors = resources.Where(r => r is not Questionnaire).Take(150).SelectMany(FhirValidation.Errors).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }

    /// <summary>The status URL of a kick-off (Content-Location is a content header in .NET).</summary>
    private static string StatusPath(HttpResponseMessage kickOff) => new Uri(kickOff.Content.Headers.ContentLocation!.ToString()).PathAndQuery;

    private static async Task<HttpResponseMessage> KickOffAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("application/fhir+json");
        request.Headers.Add("Prefer", "respond-async");
        return await client.SendAsync(request);
    }

    /// <summary>Polls the status URL until the manifest (200), at most a minute.</summary>
    private static async Task<JsonElement> PollAsync(HttpClient client, string status)
    {
        for (var i = 0; i < 600; i++)
        {
            var poll = await client.GetAsync(status);
            if (poll.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal("application/json", poll.Content.Headers.ContentType?.MediaType);
                return JsonDocument.Parse(await poll.Content.ReadAsStringAsync()).RootElement;
            }

            Assert.True(poll.StatusCode == HttpStatusCode.Accepted, $"{(int)poll.StatusCode} {await poll.Content.ReadAsStringAsync()}");
            Assert.True(poll.Headers.Contains("X-Progress"));
            await Task.Delay(100);
        }

        Assert.Fail("The export did not complete within a minute.");
        return default;
    }

    /// <summary>Downloads every file of a manifest; each line is one resource of the file's type, parsed by the SDK.</summary>
    /// <summary>With <c>SPECIOSA_FHIR_NDJSON_DIR</c> set (as <c>.ci/run</c> does), the files are also written under that folder
    /// (<paramref name="saveUnder"/>/Type.ndjson) for the second, independent validator (medplum, <c>.ci/fhir-validate</c>).</summary>
    private static async Task<List<Resource>> DownloadAsync(HttpClient client, IReadOnlyList<JsonElement> output, string saveUnder = null)
    {
        var folder = Environment.GetEnvironmentVariable("SPECIOSA_FHIR_NDJSON_DIR") is { Length: > 0 } root && saveUnder is not null ? Path.Combine(root, saveUnder) : null;
        var resources = new List<Resource>();
        foreach (var file in output)
        {
            var response = await client.GetAsync(new Uri(file.GetProperty("url").GetString()).PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/fhir+ndjson", response.Content.Headers.ContentType?.MediaType);
            var text = await response.Content.ReadAsStringAsync();
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
                await File.WriteAllTextAsync(Path.Combine(folder, file.GetProperty("type").GetString() + ".ndjson"), text);
            }

            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(file.GetProperty("count").GetInt32(), lines.Length);
            var parsed = lines.Select(l => FhirValidation.Parser.DeserializeFromJson(l)).ToList();
            Assert.All(parsed, r => Assert.Equal(file.GetProperty("type").GetString(), r.TypeName));
            resources.AddRange(parsed);
        }

        return resources;
    }
}
