using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Http;

/// <summary>Issue 18 item 6: the limits every request is read under — text lengths stated in the OpenAPI document and
/// enforced, clinical times between 1900 and tomorrow, bodies bounded when sent in chunks, photos bounded in pixels.</summary>
public sealed class InputLimitTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Fact]
    public async Task Every_text_field_of_every_request_body_states_its_maximum_length_in_the_openapi_document()
    {
        var server = await servers.On(Database.Sqlite);
        var client = await server.SignedInClientAsync("demo.clinician");
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var checkedFields = 0;

        void Check(JsonElement schema, string where)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                var name = reference.GetString()!.Split('/')[^1];
                if (seen.Add(name))
                {
                    Check(schemas.GetProperty(name), name);
                }

                return;
            }

            foreach (var keyword in new[] { "oneOf", "anyOf", "allOf" })
            {
                if (schema.TryGetProperty(keyword, out var options))
                {
                    foreach (var option in options.EnumerateArray())
                    {
                        Check(option, where);
                    }
                }
            }

            if (schema.TryGetProperty("items", out var items))
            {
                Check(items, where + "[]");
            }

            if (schema.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object)
            {
                Check(values, where + "{}");
            }

            if (schema.TryGetProperty("properties", out var properties))
            {
                foreach (var property in properties.EnumerateObject())
                {
                    Check(property.Value, $"{where}.{property.Name}");
                }
            }

            if (IsText(schema))
            {
                checkedFields++;
                if (!schema.TryGetProperty("maxLength", out _))
                {
                    missing.Add(where);
                }
            }
        }

        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Value.TryGetProperty("requestBody", out var body)
                    && body.GetProperty("content").TryGetProperty("application/json", out var json))
                {
                    Check(json.GetProperty("schema"), $"{operation.Name.ToUpperInvariant()} {path.Name}");
                }
            }
        }

        Assert.True(checkedFields > 100, $"Only {checkedFields} text fields were found in the request bodies.");
        Assert.True(missing.Count == 0, $"Request text fields without maxLength:\n{string.Join("\n", missing)}");
    }

    /// <summary>Text: a string type that is not also a number read from text (those carry a pattern instead).</summary>
    private static bool IsText(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return false;
        }

        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList() : [type.GetString()];
        return types.Contains("string") && !types.Contains("number") && !types.Contains("integer");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Text_longer_than_its_limit_is_a_400_naming_the_field_and_stores_nothing(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(clinician, "Longtext");

        var response = await clinician.PostAsJsonAsync($"/api/patients/{id}/medicines",
            new { name = new string('x', 4001), dose = "5 mg", frequency = "daily" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("At most", problem.GetProperty("errors").GetProperty("name")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await server.QueryAsync(d => d.PatientMedicines.CountAsync(m => m.PatientId == id)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Clinical_times_before_1900_or_after_tomorrow_are_refused_naming_the_field(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(clinician, "Timeson");
        var tooLate = DateTimeOffset.UtcNow.AddDays(3);

        foreach (var at in new[] { new DateTimeOffset(1899, 12, 31, 12, 0, 0, TimeSpan.Zero), tooLate, DateTimeOffset.MinValue, DateTimeOffset.MaxValue })
        {
            var labs = await clinician.PostAsJsonAsync($"/api/patients/{id}/labs",
                new { results = new[] { new { test = "alt", value = 30, unit = "U/L", upperLimitOfNormal = 40, collectedAt = at } } });
            var problem = await labs.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("results[0].collectedAt", out _), problem.ToString());

            var vitals = await clinician.PostAsJsonAsync($"/api/patients/{id}/vitals", new { heartRateBpm = 70, takenAt = at });
            problem = await vitals.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("takenAt", out _), problem.ToString());
        }

        var born = await clinician.PostAsJsonAsync("/api/patients", PatientWith("1899-12-31"));
        Assert.True((await born.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("dateOfBirth", out _));
        Assert.Equal(0, await server.QueryAsync(d => d.LabResults.CountAsync(l => l.PatientId == id)));
    }

    private static Dictionary<string, object?> PatientWith(string dateOfBirth)
    {
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(PatientTestData.NewPatient("Oldtimer")))!;
        body["dateOfBirth"] = dateOfBirth;
        return body;
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_chunked_lab_csv_over_the_limit_is_a_413_and_nothing_is_stored(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(clinician, "Chunkson");
        var line = "alt,30,U/L,2026-01-05T09:00:00Z\n";
        var rows = string.Concat(Enumerable.Repeat(line, 2_000_000 / line.Length));
        var csv = Encoding.UTF8.GetBytes("test,value,unit,collectedAt\n" + rows);

        // No Content-Length: the body arrives in chunks, so only a limit applied while reading can stop it.
        using var content = new StreamContent(new MemoryStream(csv));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/patients/{id}/labs/csv") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var response = await clinician.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, await server.QueryAsync(d => d.LabResults.CountAsync(l => l.PatientId == id)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_photo_wider_than_the_limit_is_refused_naming_the_file(Database database)
    {
        var server = await servers.On(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        var (_, lotId, _) = await ProductTestData.NewLotAsync(quality);
        var wide = new ByteArrayContent(Png.Create(8001, 1));
        wide.Headers.ContentType = new MediaTypeHeaderValue("image/png");

        var response = await quality.PostAsync($"/api/lots/{lotId}/photos?kind=leaf", wide);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("8000", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await server.QueryAsync(d => d.ProductPhotos.CountAsync(p => p.LotId == lotId)));
    }
}
