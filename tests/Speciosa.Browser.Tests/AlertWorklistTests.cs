using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Browser.Tests;

public sealed class AlertWorklistTests(BrowserSession browser)
{
    [Fact]
    public async Task The_worklist_shows_a_hys_law_alert_with_its_rule_and_source_and_a_clinician_acknowledges_it()
    {
        await using var server = await SpeciosaServer.StartAsync();
        var api = await server.SignedInClientAsync("demo.clinician");
        var enrolled = await api.PostAsJsonAsync("/api/patients", new
        {
            givenName = "Avery", familyName = "Worklist", dateOfBirth = "1980-02-03", sex = "male", countryCode = "US",
            pregnant = false, breastfeeding = false, planningConception = false, confirmLegalWarning = true,
        });
        var id = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var at = DateTimeOffset.UtcNow.AddHours(-3);
        var labs = await api.PostAsJsonAsync($"/api/patients/{id}/labs", new
        {
            results = new object[]
            {
                new { test = "alt", value = 200m, unit = "U/L", upperLimitOfNormal = 40m, collectedAt = at },
                new { test = "alp", value = 100m, unit = "U/L", upperLimitOfNormal = 120m, collectedAt = at },
                new { test = "total-bilirubin", value = 3.0m, unit = "mg/dL", upperLimitOfNormal = 1.2m, collectedAt = at },
            },
        });
        labs.EnsureSuccessStatusCode();

        await using var context = await browser.NewContextAsync(server);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.clinician");
        await page.GetByRole(AriaRole.Link, new() { Name = "Alerts" }).ClickAsync();
        await page.GetByLabel("Severity").SelectOptionAsync("Critical");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        var card = page.GetByRole(AriaRole.Article, new() { Name = "Critical alert liver.potential-hys-law" });
        var text = await card.InnerTextAsync();
        Assert.Contains("liver.potential-hys-law", text, StringComparison.Ordinal);
        Assert.Contains("v1", text, StringComparison.Ordinal);
        Assert.Contains("Source:", text, StringComparison.Ordinal);
        Assert.Contains("FDA", text, StringComparison.Ordinal);
        Assert.Contains("Avery Worklist", text, StringComparison.Ordinal);
        await BrowserSession.ScreenshotAsync(page, "alert-worklist-hys-law");

        await card.GetByLabel("Note or reason").FillAsync("Phoned patient; repeat panel and hepatitis serology today.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        Assert.Contains("Alert acknowledged.", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);

        // It has left the open list, and is found among the acknowledged ones with who acknowledged it.
        await page.GotoAsync("/alerts?status=open&rule=liver.potential-hys-law");
        Assert.Equal(0, await page.GetByRole(AriaRole.Article, new() { Name = "Critical alert liver.potential-hys-law" }).CountAsync());
        await page.GotoAsync("/alerts?status=acknowledged&rule=liver.potential-hys-law");
        var acknowledged = page.GetByRole(AriaRole.Article, new() { Name = "Critical alert liver.potential-hys-law" });
        Assert.Contains("Dr Casey Clinician (demo)", await acknowledged.InnerTextAsync(), StringComparison.Ordinal);
    }
}
