using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.CarePlans;

/// <summary>Issue 14 item 5 in a browser: a clinician builds a care plan on a desktop, the patient on a 375×812 phone taps the
/// activity on Today, says how it went and marks it done; Today then says so, and the clinician sees the adherence. axe-core
/// finds no serious or critical violation on the care-plan page, the activity page and Today.</summary>
public sealed class CarePlanBrowserTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    private const string Password = "copper lantern meadow 4";

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_clinician_builds_a_plan_and_the_patient_marks_an_activity_done_from_Today_on_a_phone(Database database)
    {
        var server = await servers.On(database);
        var api = await server.SignedInClientAsync("demo.clinician");
        var patientId = await PatientTestData.EnrolAsync(api, $"Carer-{database}");
        var invitation = await api.PostAsync($"/api/patients/{patientId}/portal/invitations", null);
        var link = (await invitation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("link").GetString()!;
        var userName = $"careplan.{database}".ToLowerInvariant();
        Assert.Equal(HttpStatusCode.Created, (await server.CreateClient().PostAsJsonAsync("/api/portal/accept",
            new { token = link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..], userName, password = Password, confirmPassword = Password })).StatusCode);

        await using var desk = await browser.NewContextAsync(server);
        await Axe.AddToAsync(desk);
        var staff = await desk.NewPageAsync();
        await BrowserSession.SignInAsync(staff, "demo.clinician");
        await staff.GotoAsync($"/patients/{patientId}");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Build or change the care plan, record attendance" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Build the plan" })).ToBeVisibleAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(staff));
        await staff.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync("exercise");
        await staff.GetByLabel("Title (optional; the kind's name otherwise)").FillAsync("Morning walk");
        foreach (var day in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" })
        {
            await staff.GetByLabel(day, new() { Exact = true }).CheckAsync();
        }

        await staff.GetByLabel("Times (24-hour clock", new() { Exact = false }).FillAsync("23:59");
        await staff.GetByLabel("Goal, in words the patient understands").FillAsync("Walk for 20 minutes");
        await staff.GetByLabel("Why (required; kept in the plan's history)").FillAsync("Agreed at the first visit");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save as version 1" }).ClickAsync();
        await Expect(staff.Locator("#saved")).ToHaveTextAsync("The plan was saved as a new version.");
        await Expect(staff.Locator("#history")).ToContainTextAsync("Agreed at the first visit");
        Assert.Empty(await Axe.SeriousViolationsAsync(staff));
        // A reload after the post shows the page again and saves nothing.
        await staff.ReloadAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Change the plan (version 1)" })).ToBeVisibleAsync();

        await using var phoneContext = await browser.NewContextAsync(server, width: 375, height: 812);
        await Axe.AddToAsync(phoneContext);
        var phone = await phoneContext.NewPageAsync();
        await BrowserSession.SignInAsync(phone, userName, Password);
        await BrowserSession.GiveConsentAsync(phone);
        await phone.GotoAsync("/today");
        var activity = phone.GetByRole(AriaRole.Link, new() { Name = "Morning walk (23:59) Due at 23:59" });
        await Expect(activity).ToBeVisibleAsync();
        await activity.ClickAsync();
        await Expect(phone.Locator("#goal")).ToContainTextAsync("Walk for 20 minutes");
        Assert.Empty(await Axe.SeriousViolationsAsync(phone));
        await BrowserSession.ExpectFitsWidthAsync(phone, "the activity page must fit a 375 px phone");
        await phone.GetByLabel("4: well").CheckAsync();
        await phone.GetByLabel("Anything to add? (optional)").FillAsync("Nice morning");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();
        await Expect(phone).ToHaveURLAsync(new Regex("/today$"));
        await Expect(phone.GetByRole(AriaRole.Link, new() { Name = "Morning walk (23:59) Done today" })).ToBeVisibleAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(phone));
        await BrowserSession.ExpectFitsWidthAsync(phone, "Today must fit a 375 px phone");
        await phone.ReloadAsync();
        await Expect(phone.GetByRole(AriaRole.Link, new() { Name = "Morning walk (23:59) Done today" })).ToBeVisibleAsync();

        await staff.GotoAsync($"/patients/{patientId}");
        await Expect(staff.Locator("#care-plan-adherence")).ToContainTextAsync("1 of 1 done (100 %)");
        await staff.GotoAsync($"/patients/{patientId}/care-plan");
        await Expect(staff.Locator("#records")).ToContainTextAsync("Nice morning");

        // Staff on a phone: the care-plan page and the overview's care-plan section fit 375 px and pass axe.
        await staff.SetViewportSizeAsync(375, 812);
        await staff.ReloadAsync();
        await Expect(staff.Locator("#records")).ToContainTextAsync("Nice morning");
        Assert.Empty(await Axe.SeriousViolationsAsync(staff));
        await BrowserSession.ExpectFitsWidthAsync(staff, "the care-plan page must fit a 375 px phone");
        await staff.GotoAsync($"/patients/{patientId}");
        await Expect(staff.Locator("#care-plan-adherence")).ToContainTextAsync("1 of 1 done (100 %)");
        Assert.Empty(await Axe.SeriousViolationsAsync(staff));
        await BrowserSession.ExpectFitsWidthAsync(staff, "the overview with its care-plan section must fit a 375 px phone");
    }
}
