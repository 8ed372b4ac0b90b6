using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Speciosa.Testing;
using Speciosa.Web.Appointments;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.Appointments;

/// <summary>Issue 14 items 2 and 3 on a 375×812 phone: a fresh demo clinic's patient sees their appointment and care-plan activities
/// on Today and opens their appointments from it; staff book another on the appointments page of the record and see it in the
/// overview's section. axe-core finds no serious or critical violation on these pages, and none scrolls sideways.</summary>
public sealed class AppointmentPhoneTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task On_a_phone_the_demo_patient_sees_their_appointment_and_activities_today_and_staff_book_another(Database database)
    {
        var server = await servers.On(database);
        var patientId = await server.QueryAsync(db => db.Patients.Where(p => db.Users.Any(u => u.Id == p.PortalUserId && u.UserName == "demo.patient"))
            .Select(p => p.Id).SingleAsync());

        await using var phoneContext = await browser.NewContextAsync(server, width: 375, height: 812);
        await Axe.AddToAsync(phoneContext);
        var phone = await phoneContext.NewPageAsync();
        await BrowserSession.SignInAsync(phone, "demo.patient");
        await phone.GotoAsync("/today");
        var appointment = phone.Locator("li[id^='today-appointment-']");
        await Expect(appointment).ToContainTextAsync("Review with your clinician at");
        await Expect(phone.Locator("li[id^='today-activity-']").First).ToBeVisibleAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(phone));
        await BrowserSession.ExpectFitsWidthAsync(phone, "Today with an appointment must fit a 375 px phone");

        await appointment.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "My appointments" })).ToBeVisibleAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(phone));
        await BrowserSession.ExpectFitsWidthAsync(phone, "My appointments must fit a 375 px phone");

        await using var staffContext = await browser.NewContextAsync(server, width: 375, height: 812);
        await Axe.AddToAsync(staffContext);
        var staff = await staffContext.NewPageAsync();
        await BrowserSession.SignInAsync(staff, "demo.nurse");
        await staff.GotoAsync($"/patients/{patientId}/appointments");
        Assert.Empty(await Axe.SeriousViolationsAsync(staff));
        await BrowserSession.ExpectFitsWidthAsync(staff, "the appointments page must fit a 375 px phone");
        var tomorrow = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await staff.GetByLabel("Day").FillAsync(tomorrow);
        await staff.GetByLabel("Time").FillAsync("11:15");
        await staff.GetByLabel("Kind").SelectOptionAsync("group-session");
        await staff.GetByLabel("With whom").FillAsync("Peer group");
        await staff.GetByLabel("by video call").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Book" }).ClickAsync();
        await Expect(staff.Locator("#saved")).ToHaveTextAsync("The appointment is booked.");
        Assert.Empty(await Axe.SeriousViolationsAsync(staff));

        // Post, then redirect: a reload shows the page again and books nothing twice.
        await staff.ReloadAsync();
        await Expect(staff.Locator("#saved")).ToHaveTextAsync("The appointment is booked.");
        Assert.Equal(1, await server.QueryAsync(db => db.Appointments.CountAsync(a => a.PatientId == patientId && a.WithWhom == "Peer group")));
        await staff.GotoAsync($"/patients/{patientId}");
        await Expect(staff.Locator("#appointments-section")).ToContainTextAsync("Group session with Peer group");
        Assert.Empty(await Axe.SeriousViolationsAsync(staff));
        await BrowserSession.ExpectFitsWidthAsync(staff, "the overview with appointments must fit a 375 px phone");
    }
}
