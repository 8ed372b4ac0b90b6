using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.Regimens;

public sealed class RegimenOrderTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_clinician_orders_a_regimen_adds_a_taper_plan_and_sees_the_calendar_and_the_dose_chart(Database database)
    {
        var server = await servers.On(database);
        var api = await server.SignedInClientAsync("demo.clinician");
        var enrolled = await api.PostAsJsonAsync("/api/patients", new
        {
            givenName = "Rowan", familyName = "Neworder (test)", dateOfBirth = "1982-05-06", sex = "male", countryCode = "US",
            subdivisionCode = "US-TN", careTeam = Array.Empty<Guid>(),
        });
        var id = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        await using var context = await browser.NewContextAsync(server);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.clinician");
        await page.GotoAsync($"/patients/{id}/regimen");

        await page.GetByLabel("Product").SelectOptionAsync(new SelectOptionValue { Label = "Green Vein Leaf Powder (demo)" });
        await page.GetByLabel("Lot").SelectOptionAsync(new SelectOptionValue { Label = "DEMO-GL-001 (Green Vein Leaf Powder (demo))" });
        await page.GetByLabel("Grams per administration").FillAsync("2");
        await Expect(page.GetByLabel("Maximum administrations a day")).ToHaveValueAsync("");
        await page.GetByLabel("Maximum administrations a day").FillAsync("3");
        await page.GetByLabel("Maximum grams a day").FillAsync("6");
        await page.GetByLabel("Start date").FillAsync(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Why (required)").FillAsync("Start low: 2 g up to three times a day");
        await page.GetByRole(AriaRole.Button, new() { Name = "Order" }).ClickAsync();
        await Expect(page.Locator("#regimen-history")).ToContainTextAsync("Start low");

        await page.GetByRole(AriaRole.Link, new() { Name = "Taper calendar" }).First.ClickAsync();
        await page.GetByLabel("Method", new() { Exact = true }).SelectOptionAsync("PercentOfStartingDose");
        await page.GetByLabel("First reduced week starts on").FillAsync(DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Starting grams a day").FillAsync("6");
        await page.GetByLabel("Rounding step (g)").FillAsync("0.5");
        await page.GetByLabel("Weekly reduction").FillAsync("25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate" }).ClickAsync();
        await page.GetByLabel("Why (required)").FillAsync("Taper agreed with the patient");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new regimen version" }).ClickAsync();

        await Expect(page.Locator("#taper-calendar")).ToContainTextAsync("4.5");
        await page.Locator("#dose-chart[data-drawn='true']").WaitForAsync();
        await page.Locator("#dose-chart").ScrollIntoViewIfNeededAsync();
        await BrowserSession.ScreenshotAsync(page, "regimen-ordered-with-taper");
    }
}
