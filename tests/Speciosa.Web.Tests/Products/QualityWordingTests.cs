using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Products;

/// <summary>Clinical audit E24 (label tolerance), §2.10 (2-analyte screen) and §2.13 (GMP wording) as a user sees them.</summary>
public sealed class QualityWordingTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Until_the_clinic_sets_its_label_tolerance_the_settings_and_lot_page_say_it_is_a_software_default(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        var lotId = await ProductTestData.DemoLotIdAsync(quality, DemoProducts.PassingLot);

        var settings = await quality.GetFromJsonAsync<JsonElement>("/api/quality/settings");
        Assert.True(settings.GetProperty("softwareDefaults").GetBoolean());
        Assert.Contains("software default, not a clinic decision", settings.GetProperty("labelClaimToleranceNote").GetString(), StringComparison.Ordinal);
        var lotPage = WebUtility.HtmlDecode(await quality.GetStringAsync($"/lots/{lotId}"));
        Assert.Contains("software default, not a clinic decision", lotPage, StringComparison.Ordinal);
        Assert.Contains("2-analyte screen", lotPage, StringComparison.Ordinal);

        var saved = await quality.PutAsJsonAsync("/api/quality/settings", new
        {
            standards = new[] { "usp-2232", "usp-2023-dried-botanical", "seven-oh-share", "adulterant-screen", "label-claim" },
            labelClaimTolerancePercent = 15m, maximumDailyGrams = 15m,
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(after.GetProperty("softwareDefaults").GetBoolean());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("labelClaimToleranceNote").ValueKind);
        Assert.DoesNotContain("software default", WebUtility.HtmlDecode(await quality.GetStringAsync($"/lots/{lotId}")), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_product_page_says_the_GMP_scheme_is_industry_self_certification_not_a_regulatory_inspection(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var lotId = await ProductTestData.DemoLotIdAsync(clinician, DemoProducts.PassingLot);
        var lot = await clinician.GetFromJsonAsync<JsonElement>($"/api/lots/{lotId}");

        var page = WebUtility.HtmlDecode(await clinician.GetStringAsync($"/products/{lot.GetProperty("productId").GetGuid()}"));

        Assert.Contains("industry self-certification", page, StringComparison.Ordinal);
        Assert.Contains("not a regulatory GMP inspection", page, StringComparison.Ordinal);
        Assert.DoesNotContain("GMP certification", page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_new_standards_are_offered_and_a_clinic_may_choose_them(Database database)
    {
        await using var server = await servers.StartAsync(database);
        var quality = await server.SignedInClientAsync("demo.quality");

        var saved = await quality.PutAsJsonAsync("/api/quality/settings", new
        {
            standards = new[] { "usp-2023-supplement-with-botanicals", "utah-r70-580-8", "semi-synthetic-7-oh-screen" },
            labelClaimTolerancePercent = 15m, maximumDailyGrams = 15m,
        });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        // The demo passing lot's certificate has none of the Utah prohibited substances: it is not passed under them.
        var lotId = await ProductTestData.DemoLotIdAsync(quality, DemoProducts.PassingLot);
        var lot = await quality.GetFromJsonAsync<JsonElement>($"/api/lots/{lotId}");
        Assert.NotEqual("Pass", lot.GetProperty("verdict").GetProperty("outcome").GetString());
    }
}
