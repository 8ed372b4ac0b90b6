using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.Portal;

/// <summary>Issue 14 items 1, 2 and 8 on a 375×812 phone: staff invite a patient from the record, the patient opens the link
/// on the phone, sets a password, consents, sees Today and opens the check-in from it by keyboard; axe-core finds no
/// serious or critical violation on any of these pages, and none scrolls sideways. Item 3: the check-in one question a screen
/// with progress, an answer kept across a reload, then the craving slider; both recorded as reported by the patient; then a dose
/// ("I don't know" the lot) and a side effect (yellow skin: call the clinic today), each not resubmitted by a reload; a care-plan
/// activity marked done from Today (item 5); My progress with the scores and the care plan (item 4); and staff see all five in the
/// review queue (item 7) and the side effect as an adverse-event draft.</summary>
public sealed partial class PortalPhoneTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    private const string Password = "copper lantern meadow 4";

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Staff_invite_a_patient_who_on_a_phone_consents_checks_in_marks_an_activity_done_and_staff_review_every_entry(Database database)
    {
        var server = await servers.On(database);
        var api = await server.SignedInClientAsync("demo.nurse");
        var family = $"Phone-{database}";
        var patientId = await PatientTestData.EnrolAsync(api, family);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(api, $"/api/patients/{patientId}/care-plan", new
        {
            reason = "Plan agreed at enrolment",
            activities = new object[]
            {
                new { kind = "exercise", title = "Evening walk", days = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" },
                    times = new[] { "23:59" }, goal = "Walk for 20 minutes" },
            },
        })).StatusCode);

        await using var staffContext = await browser.NewContextAsync(server, width: 375, height: 812);
        await Axe.AddToAsync(staffContext);
        var staff = await staffContext.NewPageAsync();
        await BrowserSession.SignInAsync(staff, "demo.nurse");
        await staff.GotoAsync($"/patients/{patientId}");
        await Expect(staff.Locator("#portal-access")).ToHaveTextAsync("No portal access.");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Invite, revoke or link portal access" }).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Create invitation" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Img, new() { Name = "QR code holding the portal invitation for Test" })).ToBeVisibleAsync();
        var link = await staff.GetByLabel("Invitation link").InputValueAsync();
        Assert.Matches(TokenLink(), link);
        Assert.Empty(await Axe.SeriousViolationsAsync(staff));
        await BrowserSession.ExpectFitsWidthAsync(staff, "the portal access page must fit a 375 px phone");

        await using var phoneContext = await browser.NewContextAsync(server, width: 375, height: 812);
        await Axe.AddToAsync(phoneContext);
        var phone = await phoneContext.NewPageAsync();
        await phone.GotoAsync(new Uri(link).PathAndQuery);
        Assert.Empty(await Axe.SeriousViolationsAsync(phone));
        await BrowserSession.ExpectFitsWidthAsync(phone, "the invitation page must fit a 375 px phone");
        var userName = $"phone.{database}".ToLowerInvariant();
        await phone.GetByLabel("User name").FillAsync(userName);
        await phone.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await phone.GetByLabel("Password again").FillAsync(Password);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Set up my account" }).ClickAsync();

        await Expect(phone).ToHaveURLAsync(new Regex("/my/consent$"));
        await Expect(phone.GetByText("Kratom is not an approved medicine")).ToBeVisibleAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(phone));
        await BrowserSession.ExpectFitsWidthAsync(phone, "the consent page must fit a 375 px phone");
        // Until the patient agrees, their pages lead back here.
        await phone.GotoAsync("/today");
        await Expect(phone).ToHaveURLAsync(new Regex("/my/consent$"));
        await phone.GetByLabel("I have read this and agree to use the portal").CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Agree and continue" }).ClickAsync();

        await Expect(phone).ToHaveURLAsync(new Regex("/today$"));
        var checkIn = phone.GetByRole(AriaRole.Link, new() { Name = "Daily check-in: how you feel Due today" });
        await Expect(checkIn).ToBeVisibleAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(phone));
        await BrowserSession.ExpectFitsWidthAsync(phone, "Today must fit a 375 px phone");
        var text = await phone.Locator("main").InnerTextAsync();
        foreach (var word in new[] { "MME", "threshold", "rule" })
        {
            Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase);
        }

        await checkIn.FocusAsync();
        await phone.Keyboard.PressAsync("Enter");
        await Expect(phone).ToHaveURLAsync(new Regex("/my/check-in$"));
        await Expect(phone.Locator("#progress-text")).ToHaveTextAsync("Question 1 of 16");
        Assert.Empty(await Axe.SeriousViolationsAsync(phone));
        await BrowserSession.ExpectFitsWidthAsync(phone, "the check-in must fit a 375 px phone");
        await phone.GetByLabel("a little").CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(phone.Locator("#progress-text")).ToHaveTextAsync("Question 2 of 16");
        // The phone sleeps (or the page is reloaded): the answer given is kept on the server.
        await phone.GotoAsync("/my/check-in?step=1");
        await Expect(phone.GetByLabel("a little")).ToBeCheckedAsync();
        await phone.GotoAsync("/my/check-in");
        await Expect(phone.Locator("#progress-text")).ToHaveTextAsync("Question 2 of 16");
        for (var n = 2; n <= 16; n++)
        {
            await phone.GetByLabel("not at all").CheckAsync();
            await phone.GetByRole(AriaRole.Button, new() { Name = n == 16 ? "Save my check-in" : "Next" }).ClickAsync();
        }

        await Expect(phone).ToHaveURLAsync(new Regex("/my/craving\\?checkin=saved$"));
        await Expect(phone.Locator("#check-in-saved")).ToBeVisibleAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(phone));
        await BrowserSession.ExpectFitsWidthAsync(phone, "the craving page must fit a 375 px phone");
        await phone.GetByLabel("How much do you crave opioids right now?").FillAsync("35");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        // Item 3, the rest of the check-in: doses taken (no order yet, so only "I don't know"), then a side effect.
        await Expect(phone).ToHaveURLAsync(new Regex("/my/doses\\?from=check-in$"));
        Assert.Empty(await Axe.SeriousViolationsAsync(phone));
        await BrowserSession.ExpectFitsWidthAsync(phone, "the dose page must fit a 375 px phone");
        await Expect(phone.GetByLabel("I don't know")).ToBeCheckedAsync();
        await phone.GetByLabel("How many grams").FillAsync("2");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Save this dose" }).ClickAsync();
        await Expect(phone.Locator("#dose-saved")).ToBeVisibleAsync();
        // A reload after the post shows the page again and stores nothing twice.
        await phone.ReloadAsync();
        await Expect(phone.Locator("#dose-saved")).ToBeVisibleAsync();
        Assert.Equal(1, await server.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Doses.Where(d => d.PatientId == patientId && d.Source == "PatientReported"))));
        await phone.GetByRole(AriaRole.Link, new() { Name = "Next: side effects" }).ClickAsync();
        await Expect(phone).ToHaveURLAsync(new Regex("/my/side-effects$"));
        Assert.Empty(await Axe.SeriousViolationsAsync(phone));
        await BrowserSession.ExpectFitsWidthAsync(phone, "the side-effect page must fit a 375 px phone");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Send to my care team" }).ClickAsync();
        await Expect(phone.Locator("#sideEffect-problem")).ToContainTextAsync("Choose what you noticed");
        Assert.Empty(await Axe.SeriousViolationsAsync(phone));
        await phone.GetByLabel("Yellow skin or yellow eyes").CheckAsync();
        await phone.GetByLabel("Moderate: it gets in the way of some things I do").CheckAsync();
        await phone.GetByLabel("Anything else you want us to know (optional)").FillAsync("Noticed it in the mirror this morning.");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Send to my care team" }).ClickAsync();
        await Expect(phone.Locator("#call-clinic")).ToContainTextAsync("please call your clinic today");
        await phone.ReloadAsync();
        await Expect(phone.Locator("#side-effect-saved")).ToBeVisibleAsync();
        Assert.Equal(1, await server.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.AdverseEvents.Where(e => e.PatientId == patientId && e.Draft && e.PatientReported))));
        text = await phone.Locator("main").InnerTextAsync();
        foreach (var word in new[] { "MME", "threshold", "rule", "alert", "grade" })
        {
            Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase);
        }

        // Item 5: a care-plan activity marked done from Today, with how it went.
        await phone.GotoAsync("/today");
        await phone.GetByRole(AriaRole.Link, new() { Name = "Evening walk (23:59) Due at 23:59" }).ClickAsync();
        await Expect(phone.Locator("#goal")).ToContainTextAsync("Walk for 20 minutes");
        Assert.Empty(await Axe.SeriousViolationsAsync(phone));
        await BrowserSession.ExpectFitsWidthAsync(phone, "the activity page must fit a 375 px phone");
        await phone.GetByLabel("4: well").CheckAsync();
        await phone.GetByLabel("Anything to add? (optional)").FillAsync("Walked by the river");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Link, new() { Name = "Evening walk (23:59) Done today" })).ToBeVisibleAsync();

        // Item 4: the patient's own progress.
        await phone.GetByRole(AriaRole.Link, new() { Name = "My progress" }).ClickAsync();
        await Expect(phone.GetByText("This week, Evening walk: 1 of 1 done (100 %)")).ToBeVisibleAsync();
        await Expect(phone.Locator("#scores-table")).ToContainTextAsync("You");
        await Expect(phone.Locator("#doses-table")).ToContainTextAsync("not known");
        Assert.Empty(await Axe.SeriousViolationsAsync(phone));
        await BrowserSession.ExpectFitsWidthAsync(phone, "My progress must fit a 375 px phone");
        text = await phone.Locator("main").InnerTextAsync();
        foreach (var word in new[] { "MME", "threshold", "rule", "limit", "source", "version" })
        {
            Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase);
        }

        await phone.GotoAsync("/today");
        await Expect(phone.GetByRole(AriaRole.Link, new() { Name = "Daily check-in: how you feel Done today" })).ToBeVisibleAsync();
        await Expect(phone.GetByRole(AriaRole.Link, new() { Name = "Craving: how strong is it now Done today" })).ToBeVisibleAsync();
        var stored = await server.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Assessments.Where(a => a.PatientId == patientId).Select(a => new { a.InstrumentId, a.Total, a.PatientReported })));
        Assert.Contains(stored, a => a.InstrumentId == "sows-handelsman" && a.Total == 1 && a.PatientReported);
        Assert.Contains(stored, a => a.InstrumentId == "craving-vas" && a.Total == 35 && a.PatientReported);

        // Home is Today for a patient, and the chart shows staff the consent accepted.
        await phone.GotoAsync("/");
        await Expect(phone).ToHaveURLAsync(new Regex("/today$"));
        await staff.GotoAsync($"/patients/{patientId}");
        await Expect(staff.Locator("#portal-consent")).ToContainTextAsync("Consent version 1 accepted");
        await Expect(staff.Locator("#portal-access")).ToContainTextAsync($"account {userName}");

        // Item 7: staff see each entry in the review queue, and the side effect as an adverse-event draft.
        await staff.GotoAsync($"/review-queue?patient={patientId}");
        var items = staff.Locator("li.review-item");
        await Expect(items).ToHaveCountAsync(5);
        await Expect(staff.Locator("li.review-item", new() { HasText = "Care-plan activity done" })).ToContainTextAsync("Walked by the river");
        await Expect(items.Nth(0)).ToContainTextAsync("Care-plan activity done"); // newest first: the activity came last
        await Expect(items.Nth(1)).ToContainTextAsync("Side effect (adverse-event draft)");
        await Expect(items.Nth(1)).ToContainTextAsync("Jaundice");
        await Expect(staff.Locator("li.review-item", new() { HasText = "Dose taken" })).ToContainTextAsync("lot not known to the patient");
        await Expect(staff.Locator("li.review-item", new() { HasText = "Check-in" })).ToHaveCountAsync(2);
        Assert.Empty(await Axe.SeriousViolationsAsync(staff));
        await BrowserSession.ExpectFitsWidthAsync(staff, "the review queue must fit a 375 px phone");
        var dose = staff.Locator("li.review-item", new() { HasText = "Dose taken" });
        await dose.GetByRole(AriaRole.Button, new() { Name = "Contact patient" }).ClickAsync();
        await Expect(staff.Locator("li.review-item", new() { HasText = "Dose taken" }).Locator(".field-problem")).ToContainTextAsync("Write a note");
        await staff.Locator("li.review-item", new() { HasText = "Dose taken" }).GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(staff.Locator("#review-done")).ToContainTextAsync("accepted");
        await Expect(staff.Locator("li.review-item")).ToHaveCountAsync(4);
        await staff.ReloadAsync();
        await Expect(staff.Locator("li.review-item")).ToHaveCountAsync(4);
        await staff.GotoAsync($"/patients/{patientId}/adverse-events");
        await Expect(staff.GetByText("Draft from the patient's report, not yet assessed:")).ToBeVisibleAsync();
    }

    [GeneratedRegex("/portal/accept\\?token=[A-Za-z0-9_-]{43}$")]
    private static partial Regex TokenLink();
}
