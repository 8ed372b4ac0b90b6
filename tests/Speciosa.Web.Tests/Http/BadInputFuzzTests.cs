using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Http;

/// <summary>Issue 18 item 6: bad input never reaches a 500. Every write endpoint of the OpenAPI document the running app
/// serves gets, field by field, null, the wrong type, <c>[null]</c> in lists, empty and over-long text, negative and huge
/// numbers, dates in year 1, 1899 and 9999 and the day after tomorrow, unknown names, a missing required field and an extra
/// one, text exactly at its stated limit (it must fit its column), and as a whole malformed JSON, the wrong content type and the wrong shape. Deterministic (no randomness; the cases
/// are built from the document in its order), signed in as a role that may use the endpoint, on the demo's own record ids so
/// each request reaches validation. It asserts: no 5xx; every 400 is RFC 9457 problem JSON with <c>errors</c> keyed by the
/// field (the field at fault where the body could not be read); and no row changed by a refused request (a hash of every
/// table's rows, before and after, except the audit trail and sign-in bookkeeping, which a refusal rightly writes).</summary>
public sealed class BadInputFuzzTests(DemoServers servers) : IClassFixture<DemoServers>
{
    /// <summary>A refusal may write these: its audit row, sign-in counters (per account and per address), the session it was
    /// made in, and the safety sweep's lease (the periodic job may run meanwhile).</summary>
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal)
    {
        "AuditEntries", "IdempotencyRecords", "SignInThrottles", "SignInAttempts", "UserSessions", "Leases",
        "ReminderOutbox", // written by the reminder job in the background (issue 14 item 6), not by the request
    };

    /// <summary>The whole run on one database stays under this (it takes about a minute; the bound keeps CI bounded).</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(4);

    private static readonly string[] Roles = ["demo.clinician", "demo.quality", "demo.admin", "demo.nurse"];

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Every_write_endpoint_answers_bad_input_with_a_400_naming_the_field_and_never_a_500_or_a_change(Database database)
    {
        var server = await servers.On(database);
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in Roles)
        {
            clients[role] = await server.SignedInClientAsync(role);
        }

        var document = await clients["demo.admin"].GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var ids = await DemoIds.LoadAsync(clients["demo.clinician"], clients["demo.quality"], clients["demo.admin"]);
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var failures = new List<string>();
        var sent = 0;
        var clock = Stopwatch.StartNew();
        var before = await TableSnapshot.TakeAsync(server, Bookkeeping);

        foreach (var (method, template, operation) in WriteOperations(document))
        {
            if (!operation.TryGetProperty("requestBody", out var body) || !body.GetProperty("content").TryGetProperty("application/json", out var json))
            {
                continue; // no JSON body: CSV and image uploads are covered by their own tests below
            }

            var path = ids.Fill(template);
            var client = await RoleFor(clients, method, path);
            var schema = Resolve(schemas, json.GetProperty("schema"));
            var baseline = Baseline(schemas, schema, ids, 0);
            foreach (var fuzz in Cases(schemas, schema, baseline))
            {
                Assert.True(clock.Elapsed < Budget, $"The fuzzer ran over its budget of {Budget} after {sent} requests.");
                using var request = new HttpRequestMessage(new HttpMethod(method), path)
                {
                    Content = new ByteArrayContent(Encoding.UTF8.GetBytes(fuzz.Body)),
                };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(fuzz.ContentType) { CharSet = "utf-8" };
                var response = await client.SendAsync(request);
                sent++;
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync();
                var label = $"{method} {template} [{fuzz.Name}] → {status}";
                if (status >= 500)
                {
                    failures.Add($"{label}: {Shorten(text)}");
                }
                else if (status == 400)
                {
                    if (ProblemOf(response, text) is not { } problem)
                    {
                        failures.Add($"{label}: not problem JSON: {Shorten(text)}");
                    }
                    else if (!problem.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Object
                        || !errors.EnumerateObject().Any())
                    {
                        failures.Add($"{label}: no field named in errors: {Shorten(text)}");
                    }
                    else if (fuzz.Field is { } field && !errors.EnumerateObject().Any(e => Names(e.Name, field)))
                    {
                        failures.Add($"{label}: errors do not name {field}: {Shorten(text)}");
                    }
                }

                var after = await TableSnapshot.TakeAsync(server, Bookkeeping);
                if (status >= 400 && TableSnapshot.Changes(before, after) is { Count: > 0 } changed)
                {
                    failures.Add($"{label}: refused but changed {string.Join(", ", changed)}");
                }

                before = after;
            }
        }

        Assert.True(sent > 1000, $"Only {sent} requests were sent; the OpenAPI document lists fewer write endpoints than expected.");
        var kinds = failures.GroupBy(f => f[(f.IndexOf('→', StringComparison.Ordinal) + 2)..].Split(':')[0] + ": " + f.Split(": ")[1].Split(' ')[0])
            .Select(g => $"{g.Count()} × {g.Key}");
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {sent} bad requests were mishandled ({clock.Elapsed.TotalSeconds:0} s): {string.Join("; ", kinds)}\n"
            + string.Join("\n", failures.Take(80)));
    }

    /// <summary>A role that may use the endpoint: the first whose malformed request is not refused for want of access.</summary>
    private static async Task<HttpClient> RoleFor(Dictionary<string, HttpClient> clients, string method, string path)
    {
        foreach (var role in Roles)
        {
            using var probe = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{", Encoding.UTF8, "application/json") };
            var response = await clients[role].SendAsync(probe);
            if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized))
            {
                return clients[role];
            }
        }

        return clients[Roles[0]];
    }

    private static IEnumerable<(string Method, string Path, JsonElement Operation)> WriteOperations(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject())
            {
                if (op.Name is "post" or "put" or "patch" or "delete")
                {
                    yield return (op.Name.ToUpperInvariant(), path.Name, op.Value);
                }
            }
        }
    }

    /// <summary>One bad request: its name, body and content type, and the field a 400 must name when the body cannot be read
    /// as sent (null when the refusal may rightly name another field of the baseline).</summary>
    private sealed record Fuzz(string Name, string Body, string ContentType = "application/json", string? Field = null);

    private static IEnumerable<Fuzz> Cases(JsonElement schemas, JsonElement schema, JsonNode baseline)
    {
        var text = baseline.ToJsonString();
        yield return new Fuzz("malformed JSON", text[..(text.Length / 2)], Field: null);
        yield return new Fuzz("empty body", "");
        yield return new Fuzz("null body", "null");
        yield return new Fuzz("a list instead of an object", "[" + text + "]");
        yield return new Fuzz("wrong content type", text, "text/plain");
        yield return new Fuzz("form instead of JSON", "a=1&b=2", "application/x-www-form-urlencoded");
        var extra = baseline.DeepClone();
        extra["unexpectedField"] = "surplus";
        yield return new Fuzz("an extra field", extra.ToJsonString());

        foreach (var (fieldPath, fieldSchema, required) in Fields(schemas, schema, "", 0))
        {
            foreach (var (name, value, named) in BadValues(schemas, fieldSchema))
            {
                var copy = baseline.DeepClone();
                if (Set(copy, fieldPath, value))
                {
                    yield return new Fuzz($"{fieldPath} = {name}", copy.ToJsonString(), Field: named ? fieldPath : null);
                }
            }

            if (required)
            {
                var missing = baseline.DeepClone();
                if (Remove(missing, fieldPath))
                {
                    yield return new Fuzz($"{fieldPath} missing", missing.ToJsonString());
                }
            }
        }
    }

    /// <summary>Every field of the schema with its path as the API names fields (<c>results[0].collectedAt</c>), to three levels.</summary>
    private static IEnumerable<(string Path, JsonElement Schema, bool Required)> Fields(JsonElement schemas, JsonElement schema, string prefix, int depth)
    {
        schema = Resolve(schemas, schema);
        if (depth > 3 || !schema.TryGetProperty("properties", out var properties))
        {
            yield break;
        }

        var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()).ToHashSet() : [];
        foreach (var property in properties.EnumerateObject())
        {
            var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            var fieldSchema = Resolve(schemas, property.Value);
            yield return (path, fieldSchema, required.Contains(property.Name));
            if (Has(fieldSchema, "array") && fieldSchema.TryGetProperty("items", out var items))
            {
                foreach (var inner in Fields(schemas, items, $"{path}[0]", depth + 1))
                {
                    yield return inner;
                }
            }
            else if (Has(fieldSchema, "object"))
            {
                foreach (var inner in Fields(schemas, fieldSchema, path, depth + 1))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The bad values for a field of this schema, and whether a 400 must name the field itself (the value cannot
    /// be read into the field, so nothing else of the request is looked at first).</summary>
    private static IEnumerable<(string Name, JsonNode? Value, bool Named)> BadValues(JsonElement schemas, JsonElement schema)
    {
        var nullable = Has(schema, "null");
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        var max = schema.TryGetProperty("maxLength", out var m) ? m.GetInt32() : 10_000;
        yield return ("null", null, false);
        if (Has(schema, "array"))
        {
            yield return ("[null]", new JsonArray((JsonNode?)null), false);
            yield return ("an object", new JsonObject { ["a"] = 1 }, true);
            yield return ("a number", 7, true);
        }
        else if (Has(schema, "integer") || Has(schema, "number"))
        {
            yield return ("-1", -1, false);
            yield return ("huge", JsonNode.Parse("1e308"), false);
            yield return ("2^31", 2147483648L, false);
            yield return ("text", "seven", true);
            yield return ("a list", new JsonArray(1), true);
        }
        else if (Has(schema, "boolean"))
        {
            yield return ("a word", "yes", true);
            yield return ("a list", new JsonArray(true), true);
        }
        else if (Has(schema, "string") || schema.EnumerateObject().Any() is false)
        {
            yield return ("a number", 12345, format is "date" or "date-time" or "uuid");
            yield return ("[null]", new JsonArray((JsonNode?)null), true);
            yield return ("empty", "", format is "date" or "date-time" or "uuid");
            yield return ("over-long", new string('x', max + 1), false); // named where the body is read as JSON (InputLimitTests); a file import may report its other errors first
            if (schema.TryGetProperty("maxLength", out _) && !schema.TryGetProperty("enum", out _) && format is null)
            {
                // Text exactly as long as the document allows must fit the column it is stored in (PostgreSQL refuses a
                // longer value with an error the API cannot name a field for): accepted or refused, never a 500.
                yield return ("at its limit", new string('x', max), false);
            }

            yield return ("an unknown name", "no-such-value", format is "date" or "date-time" or "uuid" || schema.TryGetProperty("enum", out _));
            if (format == "date-time")
            {
                yield return ("year 1", "0001-01-01T00:00:00+00:00", true);
                yield return ("1899", "1899-12-31T12:00:00+00:00", true);
                yield return ("9999", "9999-12-31T23:59:59+00:00", true);
                yield return ("the day after tomorrow", DateTimeOffset.UtcNow.AddDays(2.5).ToString("O", CultureInfo.InvariantCulture), false);
            }
            else if (format == "date")
            {
                yield return ("year 1", "0001-01-01", true);
                yield return ("1899", "1899-12-31", true);
                yield return ("9999", "9999-12-31", true);
                yield return ("the day after tomorrow", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)).ToString("O", CultureInfo.InvariantCulture), false);
            }
            else if (format == "uuid")
            {
                yield return ("an unknown id", Guid.NewGuid().ToString(), false);
                yield return ("the empty id", Guid.Empty.ToString(), false);
            }
        }
        else if (Has(schema, "object"))
        {
            yield return ("a list", new JsonArray(), true);
            yield return ("a word", "x", true);
        }

        _ = schemas;
        _ = nullable;
    }

    /// <summary>A plausible body: the demo's ids where a field names one, recent times, small numbers and words.</summary>
    private static JsonNode Baseline(JsonElement schemas, JsonElement schema, DemoIds ids, int depth)
    {
        schema = Resolve(schemas, schema);
        var node = new JsonObject();
        if (depth > 4 || !schema.TryGetProperty("properties", out var properties))
        {
            return node;
        }

        foreach (var property in properties.EnumerateObject())
        {
            node[property.Name] = Value(schemas, property.Name, Resolve(schemas, property.Value), ids, depth);
        }

        return node;
    }

    private static JsonNode? Value(JsonElement schemas, string name, JsonElement schema, DemoIds ids, int depth)
    {
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (Has(schema, "array"))
        {
            return schema.TryGetProperty("items", out var items) ? new JsonArray(Value(schemas, name, Resolve(schemas, items), ids, depth + 1)) : new JsonArray();
        }

        if (Has(schema, "object") || schema.TryGetProperty("properties", out _))
        {
            return Baseline(schemas, schema, ids, depth + 1);
        }

        if (Has(schema, "boolean"))
        {
            return false;
        }

        if (Has(schema, "integer"))
        {
            return 1;
        }

        if (Has(schema, "number"))
        {
            return 1.5;
        }

        if (schema.TryGetProperty("enum", out var names) && names.GetArrayLength() > 0)
        {
            return names[0].GetString();
        }

        return format switch
        {
            "uuid" => ids.ForField(name),
            "date-time" => DateTimeOffset.UtcNow.AddHours(-2).ToString("O", CultureInfo.InvariantCulture),
            "date" => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("O", CultureInfo.InvariantCulture),
            _ => schema.TryGetProperty("maxLength", out var max) && max.GetInt32() < 4 ? new string('x', max.GetInt32()) : "test",
        };
    }

    private static JsonElement Resolve(JsonElement schemas, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return Resolve(schemas, schemas.GetProperty(reference.GetString()!.Split('/')[^1]));
        }

        if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf))
        {
            foreach (var option in oneOf.EnumerateArray())
            {
                if (!(option.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"))
                {
                    return Resolve(schemas, option);
                }
            }
        }

        return schema;
    }

    private static bool Has(JsonElement schema, string type) =>
        schema.TryGetProperty("type", out var t) && (t.ValueKind == JsonValueKind.String
            ? t.GetString() == type
            : t.ValueKind == JsonValueKind.Array && t.EnumerateArray().Any(x => x.GetString() == type));

    private static IEnumerable<string> Segments(string path) => path.Replace("[0]", ".0", StringComparison.Ordinal).Split('.');

    private static bool Set(JsonNode root, string path, JsonNode? value)
    {
        var parts = Segments(path).ToArray();
        var node = Walk(root, parts[..^1]);
        switch (node)
        {
            case JsonObject o:
                o[parts[^1]] = value;
                return true;
            case JsonArray a when a.Count > 0:
                a[0] = value;
                return true;
            default:
                return false;
        }
    }

    private static bool Remove(JsonNode root, string path)
    {
        var parts = Segments(path).ToArray();
        return Walk(root, parts[..^1]) is JsonObject o && o.Remove(parts[^1]);
    }

    private static JsonNode? Walk(JsonNode? node, IEnumerable<string> parts)
    {
        foreach (var part in parts)
        {
            node = node switch
            {
                JsonObject o => o[part],
                JsonArray a when part == "0" && a.Count > 0 => a[0],
                _ => null,
            };
        }

        return node;
    }

    /// <summary>Whether an error key names the field (case aside; <c>results[0].test</c> or its parent list element).</summary>
    private static bool Names(string key, string field) =>
        string.Equals(key, field, StringComparison.OrdinalIgnoreCase)
        || field.StartsWith(key + ".", StringComparison.OrdinalIgnoreCase)
        || field.StartsWith(key + "[", StringComparison.OrdinalIgnoreCase);

    private static JsonElement? ProblemOf(HttpResponseMessage response, string text)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return null;
        }

        try
        {
            var problem = JsonSerializer.Deserialize<JsonElement>(text);
            return problem.TryGetProperty("status", out var s) && s.GetInt32() == 400 && problem.TryGetProperty("title", out _) ? problem : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    /// <summary>The demo's record ids that route parameters and id fields name, so a request reaches validation.</summary>
    private sealed class DemoIds
    {
        private readonly Dictionary<string, string> known = new(StringComparer.OrdinalIgnoreCase);

        public static async Task<DemoIds> LoadAsync(HttpClient clinician, HttpClient quality, HttpClient admin)
        {
            var ids = new DemoIds();
            var patients = await clinician.GetFromJsonAsync<JsonElement>("/api/patients");
            var patientIds = patients.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList();
            ids.known["patientId"] = patientIds[0];
            foreach (var patient in patientIds)
            {
                await ids.FirstAsync(clinician, "regimenId", $"/api/patients/{patient}/regimens");
                await ids.FirstAsync(clinician, "labId", $"/api/patients/{patient}/labs");
                await ids.FirstAsync(clinician, "assessmentId", $"/api/patients/{patient}/assessments");
                await ids.FirstAsync(clinician, "screeningId", $"/api/patients/{patient}/screenings");
            }

            await ids.FirstAsync(clinician, "alertId", "/api/alerts");
            await ids.FirstAsync(quality, "productId", "/api/products");
            var product = await quality.GetFromJsonAsync<JsonElement>($"/api/products/{ids.known["productId"]}");
            ids.known["lotId"] = First(product.GetProperty("lots"))!;
            await ids.FirstAsync(admin, "jurisdictionId", "/api/jurisdictions");
            // The researcher's account: a request the fuzzer's bad values happen to leave valid may change it, and no
            // other role's session depends on it.
            var users = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users");
            ids.known["userId"] = users.GetProperty("items").EnumerateArray()
                .First(u => u.GetProperty("userName").GetString() == "demo.researcher").GetProperty("id").GetString()!;
            await ids.FirstAsync(admin, "tokenId", "/api/account/tokens");
            return ids;
        }

        private async Task FirstAsync(HttpClient client, string name, string path)
        {
            if (known.ContainsKey(name))
            {
                return;
            }

            var response = await client.GetAsync(path);
            if (response.IsSuccessStatusCode && First(await response.Content.ReadFromJsonAsync<JsonElement>()) is { } id)
            {
                known[name] = id;
            }
        }

        private static string? First(JsonElement list)
        {
            if (list.ValueKind == JsonValueKind.Object)
            {
                foreach (var key in new[] { "items", "entries", "jurisdictions" })
                {
                    if (list.TryGetProperty(key, out var inner))
                    {
                        return First(inner);
                    }
                }

                return null;
            }

            return list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0 && list[0].TryGetProperty("id", out var id)
                ? id.ToString()
                : null;
        }

        /// <summary>The route with the demo's ids (<c>{id}</c> by the collection it follows); an unknown one stays a new id.</summary>
        public string Fill(string template)
        {
            var parts = template.Split('/');
            for (var i = 0; i < parts.Length; i++)
            {
                if (parts[i].StartsWith('{'))
                {
                    var name = parts[i].Trim('{', '}');
                    if (name == "id")
                    {
                        name = parts[i - 1] switch
                        {
                            "products" => "productId",
                            "lots" => "lotId",
                            "users" => "userId",
                            "jurisdictions" => "jurisdictionId",
                            "tokens" => "tokenId",
                            _ => name,
                        };
                    }

                    parts[i] = known.GetValueOrDefault(name) ?? Guid.NewGuid().ToString();
                }
            }

            return string.Join('/', parts);
        }

        public string ForField(string name) => known.GetValueOrDefault(name) ?? Guid.NewGuid().ToString();
    }
}
