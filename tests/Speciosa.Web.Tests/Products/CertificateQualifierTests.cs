using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Products;

/// <summary>A certificate whose qualifier is undefined or contradicts its value is refused on its field and
/// never judged: found in testing, lead 999 µg/g and O-desmethyltramadol 5000 ng/g sent as "not detected"
/// got Pass and were released.</summary>
public sealed class CertificateQualifierTests(DemoServers servers) : IClassFixture<DemoServers>
{
    /// <summary>Qualifiers that are not one of the defined ones, on each database.</summary>
    public static MatrixTheoryData<Database, string> UndefinedQualifiers { get; } =
        new(Enum.GetValues<Database>(), ["99", "-1", "12345", "\"99\"", "\"Detected, NotDetected\"", "\"not-a-qualifier\""]);

    /// <summary>Qualifiers that say there is no value to report, on each database.</summary>
    public static MatrixTheoryData<Database, string> NoValueQualifiers { get; } =
        new(Enum.GetValues<Database>(), ["NotDetected", "BelowLod", "BelowLoq"]);

    /// <summary>The CSV spellings of those qualifiers, on each database.</summary>
    public static MatrixTheoryData<Database, string> NoValueCsvQualifiers { get; } =
        new(Enum.GetValues<Database>(), ["not-detected", "ND", "<LOD", "<LOQ"]);

    /// <summary>The clean certificate with lead (index 3) replaced by the given JSON.</summary>
    private static StringContent CertificateWithLead(JsonObject lead)
    {
        var results = JsonSerializer.SerializeToNode(ProductTestData.CleanResults())!.AsArray();
        results[3] = lead;
        var body = new JsonObject { ["labName"] = "Test Lab", ["reportedOn"] = "2026-10-01", ["results"] = results };
        return new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
    }

    private static async Task AssertRefusedOnFieldAndNothingStoredAsync(SpeciosaServer server, HttpClient quality, Guid lotId, JsonObject lead, string field)
    {
        var response = await quality.PostAsync($"/api/lots/{lotId}/certificates", CertificateWithLead(lead));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"no error keyed {field}: {problem}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        Assert.Equal(0, await ProductTestData.CertificateCountAsync(server, lotId));
        await (await quality.PostAsJsonAsync($"/api/lots/{lotId}/release", new { reason = "try", concurrencyStamp = await ProductTestData.LotStampAsync(quality, lotId) })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, MemberData(nameof(UndefinedQualifiers))]
    public async Task An_undefined_qualifier_is_a_400_naming_the_field_and_nothing_is_stored(Database database, string qualifierJson)
    {
        var server = await servers.On(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        var (_, lotId, _) = await ProductTestData.NewLotAsync(quality);
        var lead = new JsonObject { ["analyte"] = "lead", ["value"] = 999, ["unit"] = "µg/g", ["qualifier"] = JsonNode.Parse(qualifierJson), ["lod"] = 0.1 };

        await AssertRefusedOnFieldAndNothingStoredAsync(server, quality, lotId, lead, "results[3].qualifier");
    }

    [Theory, MemberData(nameof(NoValueQualifiers))]
    public async Task A_value_sent_with_a_not_detected_or_below_limit_qualifier_is_a_400_on_the_value(Database database, string qualifier)
    {
        var server = await servers.On(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        var (_, lotId, _) = await ProductTestData.NewLotAsync(quality);
        var lead = new JsonObject { ["analyte"] = "lead", ["value"] = 999, ["unit"] = "µg/g", ["qualifier"] = qualifier, ["lod"] = 0.1, ["loq"] = 0.2 };

        await AssertRefusedOnFieldAndNothingStoredAsync(server, quality, lotId, lead, "results[3].value");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_lead_and_o_desmethyltramadol_attack_found_in_testing_is_refused_and_the_lot_stays_quarantined(Database database)
    {
        var server = await servers.On(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        var (_, lotId, _) = await ProductTestData.NewLotAsync(quality);
        var results = JsonSerializer.SerializeToNode(ProductTestData.CleanResults())!.AsArray();
        results[3] = new JsonObject { ["analyte"] = "lead", ["value"] = 999, ["unit"] = "µg/g", ["qualifier"] = "NotDetected", ["lod"] = 0.1 };
        results.Add(new JsonObject { ["analyte"] = "o-desmethyltramadol", ["value"] = 5000, ["unit"] = "ng/g", ["qualifier"] = "NotDetected", ["lod"] = 5 });
        var body = new JsonObject { ["labName"] = "Test Lab", ["reportedOn"] = "2026-10-01", ["results"] = results };

        var response = await quality.PostAsync($"/api/lots/{lotId}/certificates", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("results[3].value", out _));
        Assert.True(errors.TryGetProperty($"results[{results.Count - 1}].value", out _));
        Assert.Equal(0, await ProductTestData.CertificateCountAsync(server, lotId));
        var lot = await quality.GetFromJsonAsync<JsonElement>($"/api/lots/{lotId}");
        Assert.Equal("Quarantined", lot.GetProperty("state").GetString());
    }

    [Theory, MemberData(nameof(NoValueCsvQualifiers))]
    public async Task A_csv_line_with_a_value_beside_a_not_detected_or_below_limit_qualifier_is_refused_by_line_and_column(Database database, string qualifier)
    {
        var server = await servers.On(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        var (_, lotId, code) = await ProductTestData.NewLotAsync(quality);
        var csv = string.Join("\n",
            "lot_code,analyte,value,unit,qualifier,lod,loq,method,lab,accreditation,sample_date,report_date",
            $"{code},mitragynine,15,mg/g,detected,,,HPLC,Test Lab,,2026-09-28,2026-10-01",
            $"{code},lead,999,µg/g,{qualifier},0.1,0.2,ICP-MS,Test Lab,,2026-09-28,2026-10-01");

        var response = await quality.PostAsync("/api/certificates/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var report = problem.GetProperty("report").EnumerateArray()
            .Select(p => (Line: p.GetProperty("line").GetInt32(), Column: p.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "value")], report);
        Assert.Equal(0, await ProductTestData.CertificateCountAsync(server, lotId));
    }
}
