using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Speciosa.Testing;

namespace Speciosa.Bench;

/// <summary>The synthetic clinic: the demo clinic, plus a chart patient with days of data entered through the app's
/// own API (as a clinician would), write-target patients, and a scale population bulk-copied in the app's schema from
/// a template patient that was itself entered through the API.</summary>
public sealed class Clinic
{
    public required SpeciosaServer Server { get; init; }
    public required Raw Raw { get; init; }
    public required HttpClient Cookie { get; init; }

    /// <summary>Bearer-token client (a personal access token of the demo clinician), pooled up to 64 connections.</summary>
    public required HttpClient Api { get; init; }

    public required Guid ClinicId { get; init; }
    public required Guid ProductId { get; init; }
    public required Guid LotId { get; init; }
    public Guid ChartPatient { get; private set; }
    public List<Guid> WritePatients { get; } = [];
    public Dictionary<string, long> Counts { get; } = new(StringComparer.Ordinal);

    public static async Task<Clinic> StartAsync(SpeciosaServer server)
    {
        var cookie = await server.SignedInClientAsync("demo.clinician");
        var created = await cookie.PostAsJsonAsync("/api/account/tokens", new { name = "bench", expiresInDays = 30 });
        Check(created, HttpStatusCode.Created, "create an access token");
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        var api = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = server.BaseAddress,
        };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var (productId, lotId) = await RegimenTestData.LeafLotAsync(api);
        var clinicId = (await new Raw(server).RowsAsync("SELECT \"Id\" FROM \"Clinics\" WHERE \"IsDemo\" = @p0", [true])).Single()["Id"];
        return new Clinic
        {
            Server = server, Raw = new Raw(server), Cookie = cookie, Api = api, ProductId = productId, LotId = lotId,
            ClinicId = clinicId is Guid g ? g : Guid.Parse((string)clinicId),
        };
    }

    public static void Check(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        if (response.StatusCode != expected)
        {
            var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            throw new InvalidOperationException($"Could not {what}: {(int)response.StatusCode} {body[..Math.Min(600, body.Length)]}");
        }
    }

    /// <summary>Enrols a patient in Tennessee on the demo leaf lot, with a regimen that started <paramref name="daysAgo"/> days ago.</summary>
    public async Task<Guid> PatientOnRegimenAsync(int daysAgo)
    {
        var patientId = await RegimenTestData.EnrolLivingInAsync(Api, "US-TN");
        var order = new
        {
            productId = ProductId, lotId = LotId, gramsPerAdministration = 2m, maxAdministrationsPerDay = 3, maxGramsPerDay = 6m,
            startDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            reason = "Bench order (synthetic patient)",
        };
        Check(await Api.PostAsJsonAsync($"/api/patients/{patientId}/regimens", order), HttpStatusCode.Created, "order a regimen");
        return patientId;
    }

    /// <summary>Enters <paramref name="days"/> days of a record through the API: a COWS a day, <paramref name="dosesPerDay"/>
    /// staff-given doses a day, a liver panel every 28 days (and one meeting Hy's law when asked, which raises alerts).</summary>
    public async Task<Guid> PatientWithHistoryAsync(int days, int dosesPerDay, bool hysLaw)
    {
        var id = await PatientOnRegimenAsync(days + 2);
        var now = DateTimeOffset.UtcNow;
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var calls = new List<Func<Task>>();
        for (var d = days; d >= 1; d--)
        {
            var day = today.AddDays(-d);
            var at = day.AddHours(7);
            calls.Add(async () => Check(await Api.PostAsJsonAsync($"/api/patients/{id}/assessments", WithdrawalTestData.Cows(WithdrawalTestData.ModerateCows, at)),
                HttpStatusCode.Created, "record an assessment"));
            for (var k = 0; k < dosesPerDay; k++)
            {
                var givenAt = day.AddHours(8 + 4 * k);
                calls.Add(async () => Check(await Api.PostAsJsonAsync($"/api/patients/{id}/doses", new { givenAt, grams = 2m, lotId = LotId }),
                    HttpStatusCode.Created, "record a dose"));
            }

            if (d % 28 == 0 || d == days)
            {
                var collectedAt = day.AddHours(10);
                calls.Add(async () => Check(await Api.PostAsJsonAsync($"/api/patients/{id}/labs", NormalPanel(collectedAt)), HttpStatusCode.Created, "record labs"));
            }
        }

        if (hysLaw)
        {
            calls.Add(async () => Check(await Api.PostAsJsonAsync($"/api/patients/{id}/labs", LiverTestData.HysLawPanel(today.AddDays(-1).AddHours(11))),
                HttpStatusCode.Created, "record labs"));
        }

        await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (call, _) => await call());
        return id;
    }

    private static object NormalPanel(DateTimeOffset at) => new
    {
        results = new object[]
        {
            new { test = "alt", value = 30m, unit = "U/L", upperLimitOfNormal = 40m, collectedAt = at },
            new { test = "ast", value = 28m, unit = "U/L", upperLimitOfNormal = 40m, collectedAt = at },
            new { test = "alp", value = 90m, unit = "U/L", upperLimitOfNormal = 120m, collectedAt = at },
            new { test = "ggt", value = 35m, unit = "U/L", upperLimitOfNormal = 60m, collectedAt = at },
            new { test = "total-bilirubin", value = 0.8m, unit = "mg/dL", upperLimitOfNormal = 1.2m, collectedAt = at },
        },
    };

    /// <summary>A CSV of <paramref name="rows"/> normal liver results for the import scenario, each row a distinct
    /// (test, collection time) starting <paramref name="offset"/> rows in.</summary>
    public static string LabCsv(int offset, int rows)
    {
        var tests = new[] { ("alt", "U/L", 40, 30), ("ast", "U/L", 40, 28), ("alp", "U/L", 120, 90), ("ggt", "U/L", 60, 35) };
        var start = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(-400);
        var csv = new StringBuilder("test,value,unit,uln,collectedAt\n");
        for (var i = offset; i < offset + rows; i++)
        {
            var (test, unit, uln, value) = tests[i % tests.Length];
            var at = start.AddMinutes(i / tests.Length * 7);
            csv.Append(CultureInfo.InvariantCulture, $"{test},{value},{unit},{uln},{at:yyyy-MM-ddTHH:mm:00Z}\n");
        }

        return csv.ToString();
    }

    /// <summary>Bulk-copies <paramref name="template"/>'s whole record (every table that depends on Patients) until the
    /// clinic has <paramref name="copies"/> more patients, with fresh ids; doses and regimens are spread over
    /// <paramref name="lots"/> copies of the demo lot so each holds about the same number of doses.</summary>
    public async Task<IReadOnlyList<Guid>> CopyPatientAsync(Guid template, int copies, int lotCount, Action<string> log)
    {
        var tables = await Raw.PatientTablesAsync();
        var templateRows = new List<(OwnedTable Table, List<Dictionary<string, object>> Rows)>();
        var ids = new HashSet<object> { Raw.Id(template) };
        foreach (var table in tables)
        {
            List<Dictionary<string, object>> rows;
            if (table.Name == "Patients")
            {
                rows = await Raw.RowsAsync("SELECT * FROM \"Patients\" WHERE \"Id\" = @p0", [Raw.Id(template)]);
            }
            else
            {
                var list = ids.ToList();
                var inList = string.Join(", ", list.Select((_, i) => "@p" + i));
                var where = string.Join(" OR ", table.ParentColumns.Select(c => $"\"{c}\" IN ({inList})"));
                rows = await Raw.RowsAsync($"SELECT * FROM \"{table.Name}\" WHERE {where}", list);
            }

            foreach (var row in rows)
            {
                if (table.GuidKey is not null)
                {
                    ids.Add(row[table.GuidKey]);
                }

                if (table.GeneratedKey is not null)
                {
                    row.Remove(table.GeneratedKey);
                }
            }

            if (rows.Count > 0)
            {
                templateRows.Add((table, rows));
            }
        }

        log($"template patient: {string.Join(", ", templateRows.Select(t => $"{t.Table.Name} {t.Rows.Count}"))}");
        var lots = await CopyLotsAsync(lotCount);
        var lotValue = Raw.Id(LotId);
        var patientText = template.ToString();
        await using var connection = await Raw.OpenAsync();
        var made = new List<Guid>(copies);
        const int PerBatch = 250;
        for (var b = 0; b < copies; b += PerBatch)
        {
            var batch = templateRows.ToDictionary(t => t.Table.Name, _ => new List<Dictionary<string, object>>(), StringComparer.Ordinal);
            for (var k = b; k < Math.Min(copies, b + PerBatch); k++)
            {
                var map = new Dictionary<object, object>();
                foreach (var id in ids)
                {
                    map[id] = id is string s ? (IsUpper(s) ? Guid.NewGuid().ToString().ToUpperInvariant() : Guid.NewGuid().ToString()) : Guid.NewGuid();
                }

                map[lotValue] = Raw.Id(lots[k % lots.Count]);
                var newPatient = map[Raw.Id(template)];
                var newPatientText = newPatient is Guid g ? g.ToString() : ((string)newPatient).ToLowerInvariant();
                made.Add(Guid.Parse(newPatientText));
                foreach (var (table, rows) in templateRows)
                {
                    foreach (var row in rows)
                    {
                        var copy = new Dictionary<string, object>(row.Count, StringComparer.Ordinal);
                        foreach (var (column, value) in row)
                        {
                            copy[column] = map.TryGetValue(value, out var mapped) ? mapped
                                : value is string text && text.Contains(patientText, StringComparison.OrdinalIgnoreCase)
                                    ? text.Replace(patientText, newPatientText, StringComparison.OrdinalIgnoreCase)
                                    : value;
                        }

                        batch[table.Name].Add(copy);
                    }
                }
            }

            foreach (var (table, _) in templateRows)
            {
                await Raw.InsertAsync(connection, table.Name, batch[table.Name], 20_000);
                Counts[table.Name] = Counts.GetValueOrDefault(table.Name) + batch[table.Name].Count;
            }

            if ((b / PerBatch) % 8 == 0)
            {
                log($"  copied {Math.Min(copies, b + PerBatch)} of {copies} patients");
            }
        }

        return made;
    }

    private static bool IsUpper(string s) => s.Any(char.IsUpper) || !s.Any(char.IsLower);

    /// <summary>Released lots beside the demo lot (copies of its row under new codes); the first is the demo lot itself.</summary>
    private async Task<List<Guid>> CopyLotsAsync(int count)
    {
        var lots = new List<Guid> { LotId };
        var row = (await Raw.RowsAsync("SELECT * FROM \"Lots\" WHERE \"Id\" = @p0", [Raw.Id(LotId)])).Single();
        var copies = new List<Dictionary<string, object>>();
        for (var i = 1; i < count; i++)
        {
            var id = Guid.NewGuid();
            var copy = new Dictionary<string, object>(row, StringComparer.Ordinal)
            {
                ["Id"] = Raw.Id(id),
                ["LotCode"] = $"BENCH-{i:000}-{id.ToString("N")[..6]}",
            };
            copies.Add(copy);
            lots.Add(id);
        }

        await using var connection = await Raw.OpenAsync();
        await Raw.InsertAsync(connection, "Lots", copies, 1000);
        return lots;
    }
}
