using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.Medicines;

public sealed class MedicinesPageTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_clinician_on_a_phone_enters_alprazolam_with_dose_and_frequency_and_sees_it_kept_with_the_benzodiazepine_rule(Database database)
    {
        var server = await servers.On(database);
        var api = await server.SignedInClientAsync("demo.clinician");
        var patientId = await PatientTestData.EnrolAsync(api, "Browser medicines");
        await using var context = await browser.NewContextAsync(server, width: 375, height: 800);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.clinician");
        await page.GotoAsync($"/patients/{patientId}/medicines");

        await page.GetByLabel("Name, with dose and frequency if known").FillAsync("alprazolam 0.5 mg tid");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add and screen" }).ClickAsync();

        var tile = page.GetByRole(AriaRole.Article, new() { Name = "alprazolam" });
        await Expect(tile).ToContainTextAsync("As recorded: 0.5 mg, tid (three times a day)");
        await Expect(tile).ToContainTextAsync("Kratom with benzodiazepines");
        await Expect(tile).ToContainTextAsync("Evidence: Mechanism-based; supported by observational poison-centre data");
        await Expect(tile).Not.ToContainTextAsync("not observed");
        await BrowserSession.ExpectFitsWidthAsync(page, "The medicines page scrolls sideways on a 375 px phone.");
        await BrowserSession.ScreenshotAsync(page, $"medicines-alprazolam-phone-{database}");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_medicine_ticked_only_as_an_antidepressant_is_shown_as_too_broad_to_screen(Database database)
    {
        var server = await servers.On(database);
        var api = await server.SignedInClientAsync("demo.clinician");
        var patientId = await PatientTestData.EnrolAsync(api, "Browser broad class");
        await using var context = await browser.NewContextAsync(server);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.clinician");
        await page.GotoAsync($"/patients/{patientId}/medicines");

        await page.GetByLabel("Name, with dose and frequency if known").FillAsync("Unlisted brand");
        await page.GetByLabel("Antidepressants (too broad to screen on its own)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add and screen" }).ClickAsync();

        var tile = page.GetByRole(AriaRole.Article, new() { Name = "Unlisted brand" });
        await Expect(tile).ToContainTextAsync("Class too broad to screen");
        await Expect(tile).Not.ToContainTextAsync("No known interaction");
    }
}
