using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.Patients;

/// <summary>Issue 15 item 4 on a phone: enrolling a name and date of birth the clinic already has shows the existing record
/// and keeps what was typed; ticking "different person" enrols. axe-core finds nothing serious.</summary>
public sealed class DuplicateEnrolmentPageTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Enrolling_a_name_and_birth_date_already_in_the_clinic_warns_with_the_record_and_enrols_once_confirmed(Database database)
    {
        var server = await servers.On(database);
        var api = await server.SignedInClientAsync("demo.clinician");
        var existing = await api.PostAsJsonAsync("/api/patients", new
        {
            givenName = "Alex", familyName = "Browserdupe", dateOfBirth = "1982-03-04", sex = "male", countryCode = "US",
            subdivisionCode = "US-TN", pregnant = false, breastfeeding = false, planningConception = false,
        });
        Assert.Equal(HttpStatusCode.Created, existing.StatusCode);
        await using var context = await browser.NewContextAsync(server, width: 375, height: 800);
        await Axe.AddToAsync(context);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.clinician");
        await page.GotoAsync("/patients/new");

        await page.GetByLabel("Given name").FillAsync("Alex");
        await page.GetByLabel("Family name").FillAsync("Browserdupe");
        await page.GetByLabel("Date of birth").FillAsync("1982-03-04");
        await page.GetByLabel("Sex").SelectOptionAsync("male");
        await page.GetByLabel("Phone").FillAsync("555-0177");
        await page.GetByLabel("Country").SelectOptionAsync("US");
        await page.GetByLabel("State or region").SelectOptionAsync(new SelectOptionValue { Label = "Tennessee" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Enrol" }).ClickAsync();

        var warning = page.GetByTestId("duplicate-warning");
        await Expect(warning).ToContainTextAsync("This patient may already be enrolled.");
        await Expect(warning.GetByRole(AriaRole.Link, new() { Name = "Browserdupe, Alex" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Phone")).ToHaveValueAsync("555-0177");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await BrowserSession.ExpectFitsWidthAsync(page, "The enrol page with the duplicate warning scrolls sideways on a 375 px phone.");

        await page.GetByLabel("This is a different person with the same name and date of birth").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enrol" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Alex Browserdupe" })).ToBeVisibleAsync();
        Assert.Equal(2, await server.QueryAsync(db => db.Patients.CountAsync(p => p.FamilyName == "Browserdupe")));
    }
}
