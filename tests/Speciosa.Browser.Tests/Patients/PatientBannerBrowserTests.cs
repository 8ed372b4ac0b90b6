using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.Patients;

/// <summary>Issue 15 items 3 and 9 in Chromium: the patient banner passes axe-core on a desktop and on a 375 px phone, where it
/// wraps without sideways scrolling; printed to PDF, the overview and the regimen page name the patient and their date of
/// birth on every page and leave out the menu.</summary>
public sealed class PatientBannerBrowserTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    /// <summary>Words of the menu and the account links: none may print.</summary>
    private static readonly string[] Menu = ["Skip to content", "Review queue", "Access tokens", "Change password", "Second factor", "Sign out"];

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_banner_passes_axe_on_a_desktop_and_a_phone_and_every_printed_page_names_the_patient(Database database)
    {
        var server = await servers.On(database);
        var api = await server.SignedInClientAsync("demo.clinician");
        var morgan = await server.QueryAsync(db => db.Patients.Where(p => p.FamilyName == "Testwell (demo)").Select(p => p.Id).SingleAsync());
        // Pregnant on a regimen: a High pregnancy status and a High alert, so the banner shows its colours.
        Assert.True((await api.PutWholeRecordAsync(morgan, b => b["pregnant"] = true)).IsSuccessStatusCode);

        await using var desk = await browser.NewContextAsync(server);
        await Axe.AddToAsync(desk);
        var page = await desk.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.clinician");
        await page.GotoAsync($"/patients/{morgan}");
        var banner = page.GetByTestId("patient-banner");
        await Expect(banner).ToContainTextAsync("Morgan Testwell (demo)");
        await Expect(banner).ToContainTextAsync("born 1988-03-14");
        await Expect(banner.Locator("[data-fact=pregnancy]")).ToContainTextAsync("Pregnant");
        await Expect(banner.Locator("[data-fact=alerts] .tone-high")).ToContainTextAsync("High");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));

        foreach (var path in new[] { $"/patients/{morgan}", $"/patients/{morgan}/regimen" })
        {
            await page.GotoAsync(path);
            await Expect(page.GetByTestId("patient-banner")).ToBeVisibleAsync();
            // SPECIOSA_PDF_DIR=/some/dir keeps a copy of each printout, as for the app's own PDFs.
            var printDir = Environment.GetEnvironmentVariable("SPECIOSA_PDF_DIR");
            var bytes = await page.PdfAsync(new PagePdfOptions
            {
                Format = "Letter", PrintBackground = true,
                Path = string.IsNullOrEmpty(printDir) ? null : Path.Combine(printDir, $"print-{database}-{path.Split('/').Length}.pdf"),
            });
            var pdf = PdfText.Read(bytes);
            Assert.True(pdf.Pages.Count >= 2, $"{path} printed on {pdf.Pages.Count} page(s); the test needs a record that runs over a page.");
            pdf.AssertEveryPage("Morgan Testwell", "1988-03-14");
            pdf.AssertSays("Open alerts", "Regimen today", "Last COWS");
            pdf.AssertDoesNotSay(Menu);
        }

        await using var phoneContext = await browser.NewContextAsync(server, width: 375, height: 812);
        await Axe.AddToAsync(phoneContext);
        var phone = await phoneContext.NewPageAsync();
        await BrowserSession.SignInAsync(phone, "demo.clinician");
        await phone.GotoAsync($"/patients/{morgan}/regimen");
        await Expect(phone.GetByTestId("patient-banner")).ToContainTextAsync("Morgan Testwell (demo)");
        await BrowserSession.ExpectFitsWidthAsync(phone, "the patient banner must wrap on a 375 px phone");
        Assert.Empty(await Axe.SeriousViolationsAsync(phone));
    }
}
