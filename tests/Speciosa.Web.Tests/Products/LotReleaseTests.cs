using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Speciosa.Testing;
using Speciosa.Web.Http;
using Xunit;

namespace Speciosa.Web.Tests.Products;

public sealed class LotReleaseTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Releasing_a_failing_lot_is_refused_with_the_out_of_limit_reason(Database database)
    {
        var server = await servers.On(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        var lotId = await ProductTestData.DemoLotIdAsync(quality, DemoProducts.FailingLot);

        var response = await quality.PostAsJsonAsync($"/api/lots/{lotId}/release", new { reason = "try", concurrencyStamp = await ProductTestData.LotStampAsync(quality, lotId) });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(ProblemTypes.LotNotReleasable, problem.GetProperty("type").GetString());
        Assert.Equal("Fail", problem.GetProperty("outcome").GetString());
        var reasons = problem.GetProperty("reasons").EnumerateArray().ToList();
        var lead = Assert.Single(reasons, r => r.GetProperty("analyte").GetString() == "lead" && r.GetProperty("outcome").GetString() == "Fail");
        Assert.Contains("µg/day", lead.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("usp-2232", lead.GetProperty("standardId").GetString());
        var lot = await quality.GetFromJsonAsync<JsonElement>($"/api/lots/{lotId}");
        Assert.Equal("Quarantined", lot.GetProperty("state").GetString());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Releasing_an_incomplete_lot_is_refused_naming_the_missing_analytes(Database database)
    {
        var server = await servers.On(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        var lotId = await ProductTestData.DemoLotIdAsync(quality, DemoProducts.IncompleteLot);

        var response = await quality.PostAsJsonAsync($"/api/lots/{lotId}/release", new { reason = "try", concurrencyStamp = await ProductTestData.LotStampAsync(quality, lotId) });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Incomplete", problem.GetProperty("outcome").GetString());
        var analytes = problem.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("analyte").GetString()).ToList();
        Assert.Contains("salmonella", analytes);
        Assert.Contains("escherichia-coli", analytes);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_passing_lot_is_released_and_the_release_is_kept_in_its_history(Database database)
    {
        var server = await servers.On(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        var (_, lotId, _) = await ProductTestData.NewLotAsync(quality);
        var certificate = await quality.PostAsJsonAsync($"/api/lots/{lotId}/certificates", new
        {
            labName = "Test Lab", labAccreditation = "ISO/IEC 17025", method = "HPLC; ICP-MS", reportedOn = "2026-10-01",
            results = ProductTestData.CleanResults(),
        });
        Assert.Equal(HttpStatusCode.Created, certificate.StatusCode);
        var before = await certificate.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Pass", before.GetProperty("verdict").GetProperty("outcome").GetString());

        var response = await quality.PostAsJsonAsync($"/api/lots/{lotId}/release",
            new { reason = "COA reviewed", concurrencyStamp = before.GetProperty("concurrencyStamp").GetString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lot = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Released", lot.GetProperty("state").GetString());
        Assert.True(lot.GetProperty("usable").GetBoolean());
        var release = lot.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("Quarantined", release.GetProperty("fromState").GetString());
        Assert.Equal("Released", release.GetProperty("toState").GetString());
        Assert.Equal("COA reviewed", release.GetProperty("reason").GetString());
        Assert.Equal("Quinn Quality (demo)", release.GetProperty("changedByName").GetString());

        var again = await quality.PostAsJsonAsync($"/api/lots/{lotId}/release", new { reason = "twice", concurrencyStamp = await ProductTestData.LotStampAsync(quality, lotId) });
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_stale_concurrency_stamp_is_refused_with_409(Database database)
    {
        var server = await servers.On(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        var (_, lotId, _) = await ProductTestData.NewLotAsync(quality);
        var response = await quality.PostAsJsonAsync($"/api/lots/{lotId}/recall", new { reason = "vendor notice", concurrencyStamp = "stale" });
        var unstamped = await quality.PostAsJsonAsync($"/api/lots/{lotId}/recall", new { reason = "vendor notice" });

        Assert.Equal(ProblemTypes.StaleWrite, (await response.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("type").GetString());
        Assert.Equal(ProblemTypes.StaleWrite, (await unstamped.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("type").GetString());
        var lot = await quality.GetFromJsonAsync<JsonElement>($"/api/lots/{lotId}");
        Assert.Equal("Quarantined", lot.GetProperty("state").GetString());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_recalled_lot_keeps_its_reason_and_can_no_longer_be_released_or_used(Database database)
    {
        var server = await servers.On(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        var (_, lotId, _) = await ProductTestData.NewLotAsync(quality);
        await quality.PostAsJsonAsync($"/api/lots/{lotId}/certificates", new { labName = "Test Lab", reportedOn = "2026-10-01", results = ProductTestData.CleanResults() });
        Assert.Equal(HttpStatusCode.OK, (await quality.PostAsJsonAsync($"/api/lots/{lotId}/release", new { reason = "ok", concurrencyStamp = await ProductTestData.LotStampAsync(quality, lotId) })).StatusCode);

        var noReason = await quality.PostAsJsonAsync($"/api/lots/{lotId}/recall", new { reason = " ", concurrencyStamp = await ProductTestData.LotStampAsync(quality, lotId) });
        await noReason.AssertProblemAsync(HttpStatusCode.BadRequest);
        var recall = await quality.PostAsJsonAsync($"/api/lots/{lotId}/recall", new { reason = "Vendor recall notice (test)", concurrencyStamp = await ProductTestData.LotStampAsync(quality, lotId) });

        Assert.Equal(HttpStatusCode.OK, recall.StatusCode);
        var lot = await recall.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Recalled", lot.GetProperty("state").GetString());
        Assert.Equal("Vendor recall notice (test)", lot.GetProperty("recallReason").GetString());
        Assert.False(lot.GetProperty("usable").GetBoolean());
        Assert.Equal(3, lot.GetProperty("history").GetArrayLength());
        await (await quality.PostAsJsonAsync($"/api/lots/{lotId}/release", new { reason = "again", concurrencyStamp = await ProductTestData.LotStampAsync(quality, lotId) })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Staff_without_the_quality_role_read_products_but_get_403_on_every_write(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var lotId = await ProductTestData.DemoLotIdAsync(clinician, DemoProducts.PassingLot);
        Assert.Equal(HttpStatusCode.OK, (await nurse.GetAsync($"/api/lots/{lotId}")).StatusCode);

        foreach (var client in new[] { clinician, nurse })
        {
            await (await client.PostAsJsonAsync("/api/products", new { name = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsJsonAsync($"/api/lots/{lotId}/release", new { reason = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsJsonAsync($"/api/lots/{lotId}/recall", new { reason = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsJsonAsync($"/api/lots/{lotId}/certificates", new { labName = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsync("/api/certificates/import", new StringContent("lot_code\n", System.Text.Encoding.UTF8, "text/csv"))).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PutAsJsonAsync("/api/quality/settings", new { standards = Array.Empty<string>() })).AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        var patient = await server.SignedInClientAsync("demo.patient");
        await (await patient.GetAsync($"/api/lots/{lotId}")).AssertProblemAsync(HttpStatusCode.NotFound); // issue 14: 404 for a patient
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_passing_demo_lot_is_released_and_no_out_of_limit_flag_shows(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var lot = await clinician.GetFromJsonAsync<JsonElement>($"/api/lots/{await ProductTestData.DemoLotIdAsync(clinician, DemoProducts.PassingLot)}");
        Assert.Equal("Released", lot.GetProperty("state").GetString());
        Assert.Equal("Pass", lot.GetProperty("verdict").GetProperty("outcome").GetString());
        Assert.DoesNotContain(lot.GetProperty("certificate").GetProperty("results").EnumerateArray(), r => r.GetProperty("outOfLimit").GetBoolean());
    }
}
