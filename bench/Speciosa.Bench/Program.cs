using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Speciosa.Bench;
using Speciosa.Testing;

if (args.Length > 0 && args[0] == ColdStart.ChildFlag)
{
    return await ColdStart.ChildAsync(args);
}

var options = BenchOptions.Parse(args);
var log = (string s) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {s}");
var results = new List<ScenarioResult>();
var total = Stopwatch.StartNew();
foreach (var database in options.Databases)
{
    PostgresCluster? cluster = null;
    string? connection = null;
    if (database == "postgres")
    {
        cluster = new PostgresCluster();
        await cluster.InitializeAsync();
        if (cluster.AdminConnectionString is null)
        {
            var why = $"PostgreSQL skipped: {cluster.UnavailableReason}";
            if (TestEnvironment.RequirePostgres)
            {
                throw new InvalidOperationException(why);
            }

            log(why);
            continue;
        }

        connection = await cluster.CreateDatabaseAsync();
    }

    log($"{database}: starting the app");
    var server = await SpeciosaServer.StartAsync(postgresConnection: connection,
        settings: new Dictionary<string, string> { ["Safety:SweepEnabled"] = "false" });
    try
    {
        var bench = new Bench(database, options, server, log);
        results.AddRange(await bench.RunAsync());
    }
    finally
    {
        await server.DisposeAsync();
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}

Report.Print(results, options);
var json = options.JsonPath;
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(json))!);
await File.WriteAllTextAsync(json, JsonSerializer.Serialize(new
{
    at = DateTimeOffset.UtcNow, options.Smoke, options.Patients, options.RecordsPerPatient, options.Seconds, options.Rounds,
    machine = new { Environment.ProcessorCount, os = Environment.OSVersion.ToString(), runtime = Environment.Version.ToString() },
    elapsedSeconds = Math.Round(total.Elapsed.TotalSeconds), results,
}, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
log($"wrote {json}; {total.Elapsed.TotalSeconds:F0} s in all");
// Exit at once: the throwaway PostgreSQL cluster's server inherited handles that otherwise keep the run waiting.
Environment.Exit(results.Any(r => r.Failed) ? 1 : 0);
return 0;

namespace Speciosa.Bench
{
    public sealed record BenchOptions(bool Smoke, int Patients, int RecordsPerPatient, int ChartDays, double Seconds, int Rounds,
        IReadOnlyList<string> Databases, string JsonPath, int CsvRows, int WritePatients, int ColdStartRounds, int IdleSeconds,
        IReadOnlySet<string> Only)
    {
        /// <summary>The scenario groups: chart, overview, writes, csv, scale (worklist and recall trace), cold.</summary>
        public static readonly string[] Groups = ["chart", "overview", "writes", "csv", "scale", "cold"];

        public bool Runs(string group) => Only.Contains(group);

        public static BenchOptions Parse(string[] args)
        {
            var smoke = args.Contains("--smoke");
            string? Value(string name)
            {
                var i = Array.IndexOf(args, name);
                return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
            }

            int Int(string name, int full, int small) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : smoke ? small : full;
            return new BenchOptions(
                smoke,
                Patients: Int("--patients", 10_000, 50),
                RecordsPerPatient: Int("--records-per-patient", 100, 40),
                ChartDays: Int("--chart-days", 365, 5),
                Seconds: Value("--seconds") is { } s ? double.Parse(s, CultureInfo.InvariantCulture) : smoke ? 0.3 : 10,
                Rounds: Int("--rounds", 3, 3),
                Databases: (Value("--databases") ?? "sqlite,postgres").Split(',', StringSplitOptions.RemoveEmptyEntries),
                JsonPath: Value("--json") ?? Path.Combine("bench-results", $"bench-{DateTime.UtcNow:yyyyMMdd-HHmmss}{(smoke ? "-smoke" : "")}.json"),
                CsvRows: Int("--csv-rows", 10_000, 1_000),
                WritePatients: Int("--write-patients", 64, 4),
                ColdStartRounds: Int("--cold-start-rounds", 3, 1),
                IdleSeconds: Int("--idle-seconds", 10, 1),
                Only: (Value("--only") ?? string.Join(",", Groups)).Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal));
        }
    }

    /// <summary>One row of the results: a target measured against one baseline, median of the rounds.</summary>
    public sealed record ScenarioResult(
        string Database, string Scenario, string Target, string Baseline, int Connections, string Goal,
        double TargetPerSecond, double BaselinePerSecond, double Ratio, double[] RatioEachRound,
        double P50Ms, double P99Ms, double CpuMsPerOp, double? QueriesPerOp, double PeakMiB, long Errors, string? Note)
    {
        public bool Failed => Errors > 0 && Note is null;
    }

    public sealed class Bench(string database, BenchOptions options, SpeciosaServer server, Action<string> log)
    {
        private readonly List<ScenarioResult> results = [];
        private Clinic clinic = null!;
        private int doseCounter;
        private int assessmentCounter;
        private TimeSpan Duration => TimeSpan.FromSeconds(options.Seconds);

        public async Task<IReadOnlyList<ScenarioResult>> RunAsync()
        {
            clinic = await Clinic.StartAsync(server);
            var sw = Stopwatch.StartNew();
            var chart = await clinic.PatientWithHistoryAsync(options.ChartDays, dosesPerDay: 3, hysLaw: false);
            log($"{database}: chart patient, {options.ChartDays} days through the API, in {sw.Elapsed.TotalSeconds:F1} s");
            for (var i = 0; i < options.WritePatients; i++)
            {
                clinic.WritePatients.Add(await clinic.PatientOnRegimenAsync(1200));
            }

            await ChartReadsAsync(chart);
            if (options.Runs("writes"))
            {
                await WritesAsync();
            }

            if (options.Runs("csv"))
            {
                await CsvImportAsync();
            }

            if (!options.Runs("scale"))
            {
                if (options.Runs("cold"))
                {
                    await ColdStartAsync();
                }

                return results;
            }

            sw.Restart();
            var templateDays = Math.Max(1, (options.RecordsPerPatient - 16) / 3);
            var template = await clinic.PatientWithHistoryAsync(templateDays, dosesPerDay: 2, hysLaw: true);
            var lots = Math.Max(1, options.Patients * templateDays * 2 / 100_000);
            await clinic.CopyPatientAsync(template, options.Patients - 1, lots, log);
            log($"{database}: {options.Patients} patients, {clinic.Counts.Values.Sum():N0} records bulk-copied in {sw.Elapsed.TotalSeconds:F0} s " +
                $"({string.Join(", ", clinic.Counts.Select(c => $"{c.Key} {c.Value:N0}"))})");
            await ScaleAsync();
            if (options.Runs("cold"))
            {
                await ColdStartAsync();
            }

            return results;
        }

        private Func<int, CancellationToken, Task<bool>> Get(HttpClient client, string url) => async (_, ct) =>
        {
            using var response = await client.GetAsync(url, ct);
            await response.Content.LoadIntoBufferAsync(ct);
            return response.StatusCode == HttpStatusCode.OK;
        };

        private Func<int, CancellationToken, Task<bool>> Static => Get(clinic.Api, "/css/app.css");

        private Func<int, CancellationToken, Task<bool>> Read(string sql, params object[] args) => async (_, ct) =>
        {
            await clinic.Raw.ReadAllAsync(sql, args, ct);
            return true;
        };

        /// <summary>Runs target and baselines interleaved (baseline, target, baseline, target…) for the rounds, after an
        /// unrecorded warm-up of each, and records one result row per baseline.</summary>
        private async Task ScenarioAsync(string scenario, string target, int connections, string goal, Func<int, CancellationToken, Task<bool>> op,
            IReadOnlyList<(string Name, Func<int, CancellationToken, Task<bool>> Op)> baselines, Func<Task<HttpResponseMessage>>? single = null,
            double perOp = 1, string? note = null)
        {
            if (options.Smoke)
            {
                connections = Math.Min(connections, 8); // the smoke run proves each scenario runs, not how it scales
            }

            double? queries = null;
            if (single is not null)
            {
                try
                {
                    queries = (await SqlCommandLog.OfRequestAsync(server, single)).Count;
                }
                catch (Exception e) when (e is TaskCanceledException or HttpRequestException)
                {
                    // One request past the client's timeout (the full run on a loaded machine: the recall trace at 10k patients
                    // once took over 100 s) costs this scenario its query count, not the whole run.
                    log($"{scenario}: {target}: the single request for the query count failed ({e.GetType().Name}); counting skipped");
                }
            }

            var warm = TimeSpan.FromSeconds(Math.Min(2, options.Seconds));
            foreach (var (_, b) in baselines)
            {
                await Load.RunAsync(b, connections, warm);
            }

            await Load.RunAsync(op, connections, warm);
            var targetRuns = new List<RunResult>();
            var baselineRuns = baselines.Select(_ => new List<RunResult>()).ToArray();
            for (var r = 0; r < options.Rounds; r++)
            {
                for (var b = 0; b < baselines.Count; b++)
                {
                    baselineRuns[b].Add(await Load.RunAsync(baselines[b].Op, connections, Duration));
                }

                targetRuns.Add(await Load.RunAsync(op, connections, Duration));
            }

            var t = targetRuns;
            for (var b = 0; b < baselines.Count; b++)
            {
                var ratios = t.Select((run, i) => run.PerSecond * perOp / baselineRuns[b][i].PerSecond).ToArray();
                results.Add(new ScenarioResult(database, scenario, target, baselines[b].Name, connections, goal,
                    Load.Median(t.Select(x => x.PerSecond * perOp)), Load.Median(baselineRuns[b].Select(x => x.PerSecond)),
                    Load.Median(ratios), ratios.Select(x => Math.Round(x, 4)).ToArray(),
                    Load.Median(t.Select(x => x.P50Ms)), Load.Median(t.Select(x => x.P99Ms)), Load.Median(t.Select(x => x.CpuMsPerOp)),
                    queries, t.Max(x => x.PeakMiB), t.Sum(x => x.Errors) + baselineRuns[b].Sum(x => x.Errors), note));
            }

            log($"{database}: {scenario} {target}: {Load.Median(t.Select(x => x.PerSecond)):F0}/s, p99 {Load.Median(t.Select(x => x.P99Ms)):F1} ms, " +
                $"errors {t.Sum(x => x.Errors)}, " + string.Join(", ", baselines.Select((b, i) => $"{b.Name} {Load.Median(baselineRuns[i].Select(x => x.PerSecond)):F0}/s")));
        }

        private async Task ChartReadsAsync(Guid chart)
        {
            var api = clinic.Api;
            var id = clinic.Raw.Id(chart);
            const string Goal = "≥ 0.25× static (SQLite), ≥ 0.15× (PostgreSQL); ≥ 0.6× ADO.NET";
            const string limit = "LIMIT";
            if (options.Runs("overview"))
            {
                await OverviewAsync(chart);
            }

            if (!options.Runs("chart"))
            {
                return;
            }

            await ScenarioAsync("chart read", "GET /api/patients/{id}", 64, Goal, Get(api, $"/api/patients/{chart}"),
                [("static file", Static), ("ADO.NET patient row", Read("SELECT * FROM \"Patients\" WHERE \"Id\" = @p0", id))],
                () => api.GetAsync($"/api/patients/{chart}"));
            await ScenarioAsync("chart read", "GET …/assessments (100)", 64, Goal, Get(api, $"/api/patients/{chart}/assessments?pageSize=100"),
                [("static file", Static), ("ADO.NET 100 assessments + count", async (n, ct) =>
                {
                    await clinic.Raw.ReadAllAsync($"SELECT * FROM \"Assessments\" WHERE \"PatientId\" = @p0 ORDER BY \"AssessedAt\" DESC {limit} 100", [id], ct);
                    await clinic.Raw.ReadAllAsync("SELECT COUNT(*) FROM \"Assessments\" WHERE \"PatientId\" = @p0", [id], ct);
                    return true;
                })],
                () => api.GetAsync($"/api/patients/{chart}/assessments?pageSize=100"));
            await ScenarioAsync("chart read", "GET …/doses (25)", 64, Goal, Get(api, $"/api/patients/{chart}/doses"),
                [("static file", Static), ("ADO.NET 25 doses + count", async (n, ct) =>
                {
                    await clinic.Raw.ReadAllAsync($"SELECT * FROM \"Doses\" WHERE \"PatientId\" = @p0 ORDER BY \"GivenAt\" DESC {limit} 25", [id], ct);
                    await clinic.Raw.ReadAllAsync("SELECT COUNT(*) FROM \"Doses\" WHERE \"PatientId\" = @p0", [id], ct);
                    return true;
                })],
                () => api.GetAsync($"/api/patients/{chart}/doses"));
            await ScenarioAsync("chart read", "GET …/liver", 64, Goal, Get(api, $"/api/patients/{chart}/liver"),
                [("static file", Static), ("ADO.NET lab rows", Read("SELECT * FROM \"LabResults\" WHERE \"PatientId\" = @p0", id))],
                () => api.GetAsync($"/api/patients/{chart}/liver"));
        }

        private async Task OverviewAsync(Guid chart)
        {
            var id = clinic.Raw.Id(chart);
            const string limit = "LIMIT";
            await ScenarioAsync("overview page", "GET /patients/{id} (page)", 64, "≥ 8× today's throughput; ≤ 6 queries per request",
                Get(clinic.Cookie, $"/patients/{chart}"),
                [("static file", Static), ("ADO.NET patient, 5 assessments, 25 doses, labs", async (n, ct) =>
                {
                    await clinic.Raw.ReadAllAsync("SELECT * FROM \"Patients\" WHERE \"Id\" = @p0", [id], ct);
                    await clinic.Raw.ReadAllAsync($"SELECT * FROM \"Assessments\" WHERE \"PatientId\" = @p0 ORDER BY \"AssessedAt\" DESC {limit} 5", [id], ct);
                    await clinic.Raw.ReadAllAsync($"SELECT * FROM \"Doses\" WHERE \"PatientId\" = @p0 ORDER BY \"GivenAt\" DESC {limit} 25", [id], ct);
                    await clinic.Raw.ReadAllAsync("SELECT * FROM \"LabResults\" WHERE \"PatientId\" = @p0", [id], ct);
                    return true;
                })],
                () => clinic.Cookie.GetAsync($"/patients/{chart}"));
        }

        private async Task WritesAsync()
        {
            var api = clinic.Api;
            var patients = clinic.WritePatients;
            var now = DateTimeOffset.UtcNow;
            var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
            Task<HttpResponseMessage> PostAssessment()
            {
                var n = Interlocked.Increment(ref assessmentCounter);
                return api.PostAsJsonAsync($"/api/patients/{patients[n % patients.Count]}/assessments",
                    WithdrawalTestData.Cows(WithdrawalTestData.ModerateCows, now.AddSeconds(-n)));
            }

            Task<HttpResponseMessage> PostDose()
            {
                var n = Interlocked.Increment(ref doseCounter);
                var index = n / patients.Count;
                var givenAt = today.AddDays(-(index / 3 + 1)).AddHours(8 + 4 * (index % 3));
                return api.PostAsJsonAsync($"/api/patients/{patients[n % patients.Count]}/doses", new { givenAt, grams = 2m, lotId = clinic.LotId });
            }

            Func<int, CancellationToken, Task<bool>> Created(Func<Task<HttpResponseMessage>> post) => async (_, ct) =>
            {
                using var response = await post();
                await response.Content.LoadIntoBufferAsync(ct);
                return response.StatusCode == HttpStatusCode.Created;
            };

            // One of each first, so the plain insert copies a row the app wrote.
            Clinic.Check(await PostAssessment(), HttpStatusCode.Created, "record an assessment");
            Clinic.Check(await PostDose(), HttpStatusCode.Created, "record a dose");
            const string Goal = "≥ 0.3× the plain insert of the same rows";
            await ScenarioAsync("write", "POST assessment (COWS, alert rules)", 16, Goal, Created(PostAssessment),
                [("ADO.NET insert of the same row, 1 per transaction", await InsertCopyAsync("Assessments"))], PostAssessment);
            await ScenarioAsync("write", "POST dose (order check, watches)", 16, Goal, Created(PostDose),
                [("ADO.NET insert of the same row, 1 per transaction", await InsertCopyAsync("Doses"))], PostDose);
        }

        /// <summary>A plain insert of a copy of the newest row the app wrote to <paramref name="table"/>, one row a transaction.</summary>
        private async Task<Func<int, CancellationToken, Task<bool>>> InsertCopyAsync(string table)
        {
            var raw = clinic.Raw;
            var row = (await raw.RowsAsync($"SELECT * FROM \"{table}\" WHERE \"PatientId\" = @p0", [raw.Id(clinic.WritePatients[1 % clinic.WritePatients.Count])])).First();
            return async (n, ct) =>
            {
                var copy = new Dictionary<string, object>(row, StringComparer.Ordinal) { ["Id"] = raw.Id(Guid.NewGuid()) };
                await using var connection = await raw.OpenAsync(ct);
                await raw.InsertAsync(connection, table, [copy], 1, ct);
                return true;
            };
        }

        private async Task CsvImportAsync()
        {
            var raw = clinic.Raw;
            const int Chunk = 500;
            var chunks = Math.Max(1, options.CsvRows / Chunk);
            var appRuns = new List<(double Seconds, double FirstMs, double LastMs, int Errors)>();
            var rawRuns = new List<double>();
            Dictionary<string, object>? labRow = null;
            for (var r = 0; r <= options.Rounds; r++)
            {
                // Baseline first (after the unrecorded warm-up round 0 has given it a row to copy), then the app.
                if (labRow is not null)
                {
                    var other = raw.Id(await clinic.PatientOnRegimenAsync(5));
                    var rows = Enumerable.Range(0, chunks * Chunk).Select(i =>
                    {
                        var copy = new Dictionary<string, object>(labRow, StringComparer.Ordinal) { ["Id"] = raw.Id(Guid.NewGuid()), ["PatientId"] = other };
                        copy["CollectedAt"] = copy["CollectedAt"] switch
                        {
                            long ticks => ticks + i * TimeSpan.TicksPerMinute,
                            DateTime at => at.AddMinutes(i),
                            DateTimeOffset at => at.AddMinutes(i),
                            var v => v,
                        };
                        return copy;
                    }).ToList();
                    var swRaw = Stopwatch.StartNew();
                    await using (var connection = await raw.OpenAsync())
                    {
                        await raw.InsertAsync(connection, "LabResults", rows, Chunk);
                    }

                    rawRuns.Add(swRaw.Elapsed.TotalSeconds);
                }

                var patient = await clinic.PatientOnRegimenAsync(5);
                var times = new List<double>();
                var errors = 0;
                var sw = Stopwatch.StartNew();
                for (var c = 0; c < chunks; c++)
                {
                    var one = Stopwatch.StartNew();
                    using var response = await clinic.Api.PostAsync($"/api/patients/{patient}/labs/csv",
                        new StringContent(Clinic.LabCsv(c * Chunk, Chunk), Encoding.UTF8, "text/csv"));
                    if (response.StatusCode != HttpStatusCode.Created)
                    {
                        errors++;
                    }

                    times.Add(one.Elapsed.TotalMilliseconds);
                }

                if (r > 0)
                {
                    appRuns.Add((sw.Elapsed.TotalSeconds, times[0], times[^1], errors));
                }

                labRow ??= (await raw.RowsAsync("SELECT * FROM \"LabResults\" WHERE \"PatientId\" = @p0", [raw.Id(patient)])).First();
            }

            var rowsTotal = chunks * Chunk;
            var ratios = appRuns.Select((a, i) => rawRuns[i] / a.Seconds).ToArray();
            results.Add(new ScenarioResult(database, "lab CSV import", $"{rowsTotal:N0} rows, {chunks} requests × {Chunk}", $"ADO.NET batched insert, {Chunk} a transaction", 1,
                "per-chunk time flat; ≥ 0.3× a batched plain insert",
                Load.Median(appRuns.Select(a => rowsTotal / a.Seconds)), Load.Median(rawRuns.Select(s => rowsTotal / s)), Load.Median(ratios),
                ratios.Select(x => Math.Round(x, 4)).ToArray(), Load.Median(appRuns.Select(a => a.FirstMs)), Load.Median(appRuns.Select(a => a.LastMs)),
                double.NaN, null, Process.GetCurrentProcess().WorkingSet64 / 1048576.0, appRuns.Sum(a => a.Errors),
                "p50 column = first chunk ms, p99 column = last chunk ms"));
            log($"{database}: CSV import {rowsTotal} rows: first chunk {appRuns.Select(a => a.FirstMs).Max():F0} ms, last {appRuns.Select(a => a.LastMs).Max():F0} ms, ratio {Load.Median(ratios):F3}");
        }

        private async Task ScaleAsync()
        {
            var api = clinic.Api;
            var raw = clinic.Raw;
            var clinicId = raw.Id(clinic.ClinicId);
            var open = (await raw.RowsAsync("SELECT COUNT(*) AS n FROM \"Alerts\" WHERE \"ClinicId\" = @p0 AND \"Status\" = 'open'", [clinicId])).Single()["n"];
            var openCount = Convert.ToInt64(open, CultureInfo.InvariantCulture);
            var deepPage = (int)Math.Max(1, Math.Min(200, openCount / 25 / 2));
            const string Goal = "p99 ≤ 50 ms at 8 connections";
            // The app's own predicate: open alerts not snoozed until later (M0027).
            var notSnoozed = " AND (\"SnoozedUntil\" IS NULL OR \"SnoozedUntil\" <= @p1)";
            var now = raw.IsSqlite ? (object)DateTimeOffset.UtcNow.UtcTicks : DateTimeOffset.UtcNow;
            var worklistSql = "SELECT * FROM \"Alerts\" WHERE \"ClinicId\" = @p0 AND \"Status\" = 'open'{0}" + notSnoozed + " ORDER BY \"SeverityRank\" DESC, \"RaisedAt\" DESC, \"Id\" LIMIT 25 OFFSET {1}";
            foreach (var (name, query, filter, offset) in new[]
            {
                ("worklist", "", "", 0),
                ("worklist ?severity=High", "?severity=High", " AND \"Severity\" = 'High'", 0),
                ($"worklist ?page={deepPage}", $"?page={deepPage}", "", (deepPage - 1) * 25),
            })
            {
                var url = "/api/alerts" + query;
                await ScenarioAsync("worklist at scale", $"GET {url} ({openCount:N0} open alerts)", 8, Goal, Get(api, url),
                    [("static file", Static), ("ADO.NET same page + count", async (n, ct) =>
                    {
                        await raw.ReadAllAsync(string.Format(CultureInfo.InvariantCulture, worklistSql, filter, offset), [clinicId, now], ct);
                        await raw.ReadAllAsync($"SELECT COUNT(*) FROM \"Alerts\" WHERE \"ClinicId\" = @p0 AND \"Status\" = 'open'{filter}{notSnoozed}", [clinicId, now], ct);
                        return true;
                    })],
                    () => api.GetAsync(url));
            }

            var lot = raw.Id(clinic.LotId);
            var doses = Convert.ToInt64((await raw.RowsAsync("SELECT COUNT(*) AS n FROM \"Doses\" WHERE \"LotId\" = @p0", [lot])).Single()["n"], CultureInfo.InvariantCulture);
            var exposures = $"/api/lots/{clinic.LotId}/exposures";
            // The baseline counts the same rows as the app: given doses only (held, refused and missed doses are no exposure).
            await ScenarioAsync("recall trace", $"GET /api/lots/{{id}}/exposures ({doses:N0} doses)", 8, "p50 ≤ 50 ms (100k doses)", Get(api, exposures),
                [("static file", Static), ("ADO.NET doses grouped by patient", Read(
                    "SELECT \"PatientId\", COUNT(*), MAX(\"GivenAt\") FROM \"Doses\" WHERE \"LotId\" = @p0 AND \"ClinicId\" = @p1 AND \"Status\" = 'Given' GROUP BY \"PatientId\"", lot, clinicId))],
                () => api.GetAsync(exposures));
        }

        private async Task ColdStartAsync()
        {
            var app = new List<(double Ms, double IdleMiB)>();
            var empty = new List<(double Ms, double IdleMiB)>();
            for (var r = 0; r < options.ColdStartRounds; r++)
            {
                empty.Add(await ColdStart.MeasureAsync("empty", server, options.IdleSeconds));
                app.Add(await ColdStart.MeasureAsync("app", server, options.IdleSeconds));
            }

            var ratios = app.Select((a, i) => a.Ms / empty[i].Ms).ToArray();
            var peakUnderLoad = results.Where(r => r.Database == database).Select(r => r.PeakMiB).DefaultIfEmpty(0).Max();
            results.Add(new ScenarioResult(database, "cold start", "start → first 200 on /health/ready (ms)", "empty ASP.NET Core app", 1,
                "≤ 1.2 s; ≤ 200 MiB idle, ≤ 300 MiB under load",
                Load.Median(app.Select(a => a.Ms)), Load.Median(empty.Select(a => a.Ms)), Load.Median(ratios), ratios.Select(x => Math.Round(x, 3)).ToArray(),
                double.NaN, double.NaN, double.NaN, null, Load.Median(app.Select(a => a.IdleMiB)), 0,
                $"values are ms, not per second; ratio = app ÷ empty app (lower is better); peak MiB = idle RSS after {options.IdleSeconds} s; " +
                $"peak under load (bench process, app + load generator) {peakUnderLoad:F0} MiB"));
            log($"{database}: cold start {Load.Median(app.Select(a => a.Ms)):F0} ms (empty app {Load.Median(empty.Select(a => a.Ms)):F0} ms), idle {Load.Median(app.Select(a => a.IdleMiB)):F0} MiB");
        }
    }

    public static class Report
    {
        public static void Print(IReadOnlyList<ScenarioResult> results, BenchOptions options)
        {
            var sb = new StringBuilder();
            sb.AppendLine(CultureInfo.InvariantCulture, $"Speciosa bench{(options.Smoke ? " (SMOKE: small data, short runs; figures are not results)" : "")}: " +
                $"{options.Patients:N0} patients, {options.Rounds} interleaved rounds of {options.Seconds} s, median. Ratio = target ÷ same-run baseline.");
            sb.AppendLine("| db | scenario | target | conn | target /s | baseline | baseline /s | ratio (each round) | p50 ms | p99 ms | CPU ms/op | SQL/op | peak MiB | errors | goal |");
            sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var r in results)
            {
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"| {r.Database} | {r.Scenario} | {r.Target} | {r.Connections} | {r.TargetPerSecond:F1} | {r.Baseline} | {r.BaselinePerSecond:F1} | " +
                    $"**{r.Ratio:F3}** ({string.Join("/", r.RatioEachRound.Select(x => x.ToString("F3", CultureInfo.InvariantCulture)))}) | {r.P50Ms:F1} | {r.P99Ms:F1} | " +
                    $"{r.CpuMsPerOp:F2} | {(r.QueriesPerOp is { } q ? q.ToString("F0", CultureInfo.InvariantCulture) : "–")} | {r.PeakMiB:F0} | {r.Errors} | {r.Goal}{(r.Note is null ? "" : " — " + r.Note)} |");
            }

            Console.WriteLine(sb.ToString());
        }
    }
}
