using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Testing;
using Speciosa.Web.Appointments;
using Speciosa.Web.Reminders;
using Xunit;

namespace Speciosa.Web.Tests.Appointments;

/// <summary>Issue 14 item 2 (appointments on Today): staff book an appointment for a patient, it shows on the patient's Today and the
/// staff overview, produces one reminder through the notifier's outbox, and staff cancel it with a reason under its concurrency stamp;
/// each write is audited. The server's clock is fixed at 10:00 in the demo clinic's zone, so "today" never crosses midnight.</summary>
public sealed class AppointmentTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static async Task<(SpeciosaServer Server, string Today, Guid PatientId)> StartAsync(DemoServers servers, Database database)
    {
        var utcDay = DateTime.UtcNow.Date;
        var tenLocal = new DateTimeOffset(DateTime.SpecifyKind(utcDay.AddHours(10), DateTimeKind.Unspecified), NewYork.GetUtcOffset(utcDay.AddHours(12)));
        var server = await servers.StartAsync(database, new Dictionary<string, string> { ["Reminders:Enabled"] = "false" }, new ManualClock(tenLocal.ToUniversalTime()));
        var patientId = await server.QueryAsync(db => db.Patients.Where(p => db.Users.Any(u => u.Id == p.PortalUserId && u.UserName == "demo.patient"))
            .Select(p => p.Id).SingleAsync());
        return (server, tenLocal.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), patientId);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Staff_book_an_appointment_the_patient_sees_it_today_is_reminded_once_and_staff_cancel_it_with_a_reason(Database database)
    {
        var (server, today, patientId) = await StartAsync(servers, database);
        await using var owned = server;
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var patient = await server.SignedInClientAsync("demo.patient");
        var path = $"/api/patients/{patientId}/appointments";

        var bad = await nurse.PostAsJsonAsync(path, new { day = "2026-13-01", time = "9", durationMinutes = 2, kind = "surgery", withWhom = " ", mode = "in-person" });
        var errors = (await bad.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "day", "time", "durationMinutes", "kind", "withWhom", "location" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        var booking = new { day = today, time = "14:00", durationMinutes = 45, kind = "counselling", withWhom = "Sam Counsellor", mode = "in-person", location = "Room 2", notes = "Bring the diary" };
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.PostAsJsonAsync(path, booking)).StatusCode);
        var booked = await nurse.PostAsJsonAsync(path, booking);
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var appointment = await booked.Content.ReadFromJsonAsync<JsonElement>();
        var id = appointment.GetProperty("id").GetGuid();
        Assert.Equal("14:00", appointment.GetProperty("time").GetString());

        // The patient's Today lists it (one tap to their appointments); their list never shows staff notes.
        var line = (await patient.GetFromJsonAsync<JsonElement>("/api/portal/today")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("kind").GetString() == "Appointment" && i.GetProperty("title").GetString()!.StartsWith("Counselling", StringComparison.Ordinal));
        Assert.Equal("Counselling at 14:00 with Sam Counsellor", line.GetProperty("title").GetString());
        Assert.Equal("in person, Room 2", line.GetProperty("status").GetString());
        Assert.False(line.GetProperty("done").GetBoolean());
        Assert.Equal("/my/appointments", line.GetProperty("href").GetString());
        var todayPage = await patient.GetStringAsync("/today");
        Assert.Contains($"id=\"today-appointment-{id:N}\"", todayPage, StringComparison.Ordinal);
        var mine = await patient.GetStringAsync("/my/appointments");
        Assert.Contains("Sam Counsellor", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Bring the diary", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Bring the diary", await patient.GetStringAsync(path), StringComparison.Ordinal);

        // The staff overview shows it in its own section.
        var overview = await nurse.GetStringAsync($"/patients/{patientId}");
        Assert.Contains("id=\"appointments-section\"", overview, StringComparison.Ordinal);
        Assert.Contains("Counselling with Sam Counsellor", overview, StringComparison.Ordinal);

        // Booked four hours ahead: its reminder is due now, put in the outbox once however often the notifier runs.
        for (var run = 0; run < 2; run++)
        {
            await using var scope = server.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ReminderDispatcher>().RunOnceAsync(default);
        }

        var key = $"appointment/{id:N}"; // the demo's own appointment has its reminder too
        var reminders = await server.QueryAsync(db => db.ReminderOutbox.AsNoTracking().Where(r => r.PatientId == patientId && r.Kind == "appointment" && r.Key == key).ToListAsync());
        var reminder = Assert.Single(reminders);
        Assert.Equal($"appointment/{id:N}", reminder.Key);
        Assert.Equal(("in-app", "sent"), (reminder.Transport, reminder.Status));

        // Cancelling: a reason and the stamp as read; a stale stamp is refused; then Today no longer lists it.
        var cancel = $"{path}/{id}/cancel";
        var stamp = appointment.GetProperty("concurrencyStamp").GetGuid();
        Assert.True((await (await nurse.PostAsJsonAsync(cancel, new { concurrencyStamp = stamp })).AssertProblemAsync(HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("reason", out _));
        await (await nurse.PostAsJsonAsync(cancel, new { reason = "Counsellor unwell", concurrencyStamp = Guid.NewGuid() })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.PostAsJsonAsync(cancel, new { reason = "mine", concurrencyStamp = stamp })).StatusCode);
        var cancelled = await nurse.PostAsJsonAsync(cancel, new { reason = "Counsellor unwell", concurrencyStamp = stamp });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.True((await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cancelled").GetBoolean());
        await (await nurse.PostAsJsonAsync(cancel, new { reason = "again", concurrencyStamp = stamp })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.DoesNotContain((await patient.GetFromJsonAsync<JsonElement>("/api/portal/today")).GetProperty("items").EnumerateArray(),
            i => i.GetProperty("kind").GetString() == "Appointment" && i.GetProperty("title").GetString()!.StartsWith("Counselling", StringComparison.Ordinal));
        Assert.Contains("Cancelled: Counselling", await patient.GetStringAsync("/my/appointments"), StringComparison.Ordinal);

        var audited = await server.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.PatientId == patientId && (e.Action == "appointment.book" || e.Action == "appointment.cancel") && e.Outcome == "success")
            .Select(e => e.Action + " " + e.ResourceId).ToListAsync());
        Assert.Equal([$"appointment.book {id}", $"appointment.cancel {id}"], audited.Order(StringComparer.Ordinal));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_staff_page_books_with_errors_beside_the_fields_and_cancels_only_with_the_tick(Database database)
    {
        var (server, today, patientId) = await StartAsync(servers, database);
        await using var owned = server;
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var page = $"/patients/{patientId}/appointments";
        var fields = new Dictionary<string, string>
        {
            ["day"] = today, ["time"] = "15:30", ["durationMinutes"] = "30", ["kind"] = "nurse-visit", ["withWhom"] = "", ["mode"] = "phone",
            ["location"] = "", ["notes"] = "", [Speciosa.Web.Http.IdempotentForms.FieldName] = Guid.NewGuid().ToString(),
        };

        var refused = await nurse.PostFormAsync(page, "book", fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("id=\"withWhom-problem\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"15:30\"", html, StringComparison.Ordinal);

        fields["withWhom"] = "Noor Nurse";
        var shown = await nurse.FollowAsync(await nurse.PostFormAsync(page, "book", fields));
        Assert.Contains("The appointment is booked.", shown, StringComparison.Ordinal);
        Assert.Contains("Nurse visit with Noor Nurse", shown, StringComparison.Ordinal);

        // The demo clinic seeds one appointment for this patient too (issue 14); this one is the nurse visit just booked.
        var id = await server.QueryAsync(db => db.Appointments.Where(a => a.PatientId == patientId && a.WithWhom == "Noor Nurse").Select(a => a.Id).SingleAsync());
        var form = HtmlForm.FieldsOf(shown, $"cancel-{id:N}");
        form["reason"] = "Patient asked to move it";
        var unticked = await nurse.PostFormAsync(page, $"cancel-{id:N}", form, shown);
        Assert.Equal(HttpStatusCode.BadRequest, unticked.StatusCode);
        Assert.Contains("Tick the box to confirm", await unticked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await server.QueryAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.CancelledAt).SingleAsync()));

        form["confirmCancel"] = "true";
        var after = await nurse.FollowAsync(await nurse.PostFormAsync(page, $"cancel-{id:N}", form, shown));
        Assert.Contains("The appointment is cancelled.", after, StringComparison.Ordinal);
        Assert.Contains("cancelled: Patient asked to move it", after, StringComparison.Ordinal);
    }
}
