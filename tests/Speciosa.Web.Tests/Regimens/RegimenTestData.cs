using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Speciosa.Web.Products;
using Speciosa.Web.Tests.Products;
using Xunit;

namespace Speciosa.Web.Tests.Regimens;

internal static class RegimenTestData
{
    public static async Task<Guid> PatientIdAsync(HttpClient client, string familyNameContains)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/patients?name={Uri.EscapeDataString(familyNameContains)}");
        return page.GetProperty("items").EnumerateArray().First().GetProperty("id").GetGuid();
    }

    public static async Task<(Guid ProductId, Guid LotId)> LeafLotAsync(HttpClient client)
    {
        var lotId = await ProductTestData.DemoLotIdAsync(client, DemoProducts.PassingLot);
        var lot = await client.GetFromJsonAsync<JsonElement>($"/api/lots/{lotId}");
        return (lot.GetProperty("productId").GetGuid(), lotId);
    }

    /// <summary>Enrols a fresh patient (so tests do not share state) living at the given subdivision.</summary>
    public static async Task<Guid> EnrolAsync(HttpClient clinician, string subdivision, string country = "US")
    {
        var response = await clinician.PostAsJsonAsync("/api/patients", new
        {
            givenName = "Test", familyName = "Regimen " + Guid.NewGuid().ToString("N")[..6], dateOfBirth = "1980-01-01", sex = "unknown",
            countryCode = country, subdivisionCode = subdivision,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static object Order(Guid productId, Guid? lotId, string reason = "Starting order", bool confirm = false, object? stamp = null,
        decimal grams = 2m, decimal maxPerDay = 6m) => new
    {
        productId, lotId, gramsPerAdministration = grams, maxGramsPerDay = maxPerDay,
        startDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd"),
        reason, confirmLegalWarning = confirm, concurrencyStamp = stamp,
    };
}
