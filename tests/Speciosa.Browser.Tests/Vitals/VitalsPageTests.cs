using System.Net.Http.Json;
using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.Vitals;

public sealed class VitalsPageTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_nurse_records_poss_3_for_a_patient_on_alprazolam_and_sees_the_Critical_alert_and_the_trend(Database database)
    {
        var server = await servers.On(database);
        var api = await server.SignedInClientAsync("demo.clinician");
        var patientId = await PatientTestData.EnrolAsync(api, "Browser vitals");
        Assert.True((await api.PostAsJsonAsync($"/api/patients/{patientId}/medicines", new { name = "alprazolam 0.5 mg tid" })).IsSuccessStatusCode);
        await using var context = await browser.NewContextAsync(server);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.nurse");
        await page.GotoAsync($"/patients/{patientId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Vital signs, sedation, ECG and seizure risk" }).ClickAsync();

        await page.GetByLabel("Heart rate (beats a minute)", new() { Exact = true }).FillAsync("62");
        await page.GetByLabel("Respiratory rate (breaths a minute)").FillAsync("9");
        await page.GetByLabel("SpO2 by pulse oximetry (%)").FillAsync("93");
        await page.GetByLabel("3 — Frequently drowsy").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record vital signs" }).ClickAsync();

        await Expect(page.Locator("#saved")).ToContainTextAsync("Vital signs recorded");
        var alert = page.GetByRole(AriaRole.Article, new() { Name = "Critical alert" });
        await Expect(alert).ToContainTextAsync("vitals.sedation-or-slowed-breathing-with-cns-depressant");
        await Expect(alert).ToContainTextAsync("alprazolam 0.5 mg (benzodiazepine)");
        await Expect(alert).ToContainTextAsync("respiratory rate below 10 /min (software default, not a clinic decision");
        await Expect(page.Locator("#vitals-chart")).ToHaveAttributeAsync("data-drawn", "true");
        await Expect(page.Locator("#vitals-table")).ToContainTextAsync("3 (Frequently drowsy");
        await Expect(page.Locator("#seizure-flags")).ToContainTextAsync("Alcohol or benzodiazepine (withdrawal)");
        await BrowserSession.ScreenshotAsync(page, $"vitals-poss3-alprazolam-{database}");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_clinician_on_a_phone_records_an_ecg_for_a_patient_on_methadone_and_the_ecg_prompt_gives_way_to_the_verdict(Database database)
    {
        var server = await servers.On(database);
        var api = await server.SignedInClientAsync("demo.clinician");
        var patientId = await PatientTestData.EnrolAsync(api, "Browser ecg");
        Assert.True((await api.PostAsJsonAsync($"/api/patients/{patientId}/medicines", new { name = "methadone 80 mg daily" })).IsSuccessStatusCode);
        await using var context = await browser.NewContextAsync(server, width: 375, height: 800);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.clinician");
        await page.GotoAsync($"/patients/{patientId}/vitals");
        await Expect(page.Locator("#ecg-prompt")).ToContainTextAsync("ECG needed.");

        await page.GetByLabel("QTc (ms, as the ECG gives it)").FillAsync("470");
        await page.GetByLabel("Correction formula").SelectOptionAsync("fridericia");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record ECG" }).ClickAsync();

        await Expect(page.Locator("#saved")).ToContainTextAsync("ECG recorded");
        await Expect(page.Locator("#ecg-table")).ToContainTextAsync("above 450 ms: discuss");
        await Expect(page.Locator("#ecg-prompt")).Not.ToContainTextAsync("ECG needed.");
        await Expect(page.GetByRole(AriaRole.Article, new() { Name = "Warning alert" })).ToContainTextAsync("heart.qtc-above-450-discuss");
        await BrowserSession.ExpectFitsWidthAsync(page, "The vital signs page scrolls sideways on a 375 px phone.");
    }
}
