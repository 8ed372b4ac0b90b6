using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Testing;
using Speciosa.Web.Reminders;
using Speciosa.Web.Tests.CarePlans;
using Xunit;

namespace Speciosa.Web.Tests.Reminders;

/// <summary>Issue 14 item 6, "done when": a due check-in produces one outbox entry (per transport) and one message in a local
/// SMTP sink (nothing leaves the machine); a failing transport is retried with backoff and shown as failed to staff; quiet hours
/// and opt-outs are respected. The job is off; each test runs the notifier itself on a hand-moved clock. Both databases.</summary>
public sealed class ReminderTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static Dictionary<string, string> Settings(int port) => new()
    {
        ["Reminders:Enabled"] = "false", ["Safety:SweepEnabled"] = "false", ["Reminders:CheckInTime"] = "00:00",
        ["Reminders:Smtp:Host"] = "127.0.0.1", ["Reminders:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["Reminders:Smtp:Security"] = "None", ["Reminders:Smtp:TimeoutSeconds"] = "5",
    };

    private static async Task<ReminderRun> RunAsync(SpeciosaServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderDispatcher>().RunOnceAsync(CancellationToken.None);
    }

    private static async Task<(Guid PatientId, HttpClient Patient, string Address)> PatientWithEmailAsync(SpeciosaServer server, HttpClient staff, string family)
    {
        var (patientId, patient) = await CarePlanTests.PortalPatientAsync(server, staff, family);
        var address = $"person.{Guid.NewGuid():N}@example.test";
        await server.QueryAsync(db => db.Patients.Where(p => p.Id == patientId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Email, address)));
        return (patientId, patient, address);
    }

    private static Task<List<ReminderOutboxEntry>> OutboxOfAsync(SpeciosaServer server, Guid patientId) =>
        server.QueryAsync(db => db.ReminderOutbox.AsNoTracking().Where(r => r.PatientId == patientId).OrderBy(r => r.Transport).ToListAsync());

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_due_check_in_produces_one_outbox_entry_per_transport_and_one_message_in_the_local_smtp_sink(Database database)
    {
        await using var sink = new SmtpSink();
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var server = await servers.StartAsync(database, Settings(sink.Port), clock);
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var (patientId, _, address) = await PatientWithEmailAsync(server, nurse, $"Remind-{database}");

        await RunAsync(server);
        await RunAsync(server);

        var outbox = await OutboxOfAsync(server, patientId);
        Assert.Equal(["email", "in-app"], outbox.Select(r => r.Transport));
        Assert.All(outbox, r => Assert.Equal("sent", r.Status));
        Assert.All(outbox, r => Assert.StartsWith("check-in/", r.Key, StringComparison.Ordinal));
        var message = Assert.Single(sink.Messages, m => m.To.Contains(address));
        Assert.Contains("Subject: A reminder from your clinic", message.Data, StringComparison.Ordinal);
        Assert.Contains("Something on your Today page is due.", message.Data, StringComparison.Ordinal);
        foreach (var detail in new[] { "Remind-", "check-in", "SOWS", "withdrawal", "kratom", "dose" })
        {
            Assert.DoesNotContain(detail, message.Data, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(address, server.ConsoleOutput, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await nurse.GetStringAsync("/reminders?status=sent"));
        Assert.Contains($"Test Remind-{database}", page, StringComparison.Ordinal);
        var api = await nurse.GetFromJsonAsync<JsonElement>("/api/reminders/outbox");
        Assert.Equal(2, api.EnumerateArray().Count(r => r.GetProperty("patientId").GetGuid() == patientId));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_failing_transport_is_retried_with_backoff_and_then_shown_to_staff_as_failed_with_its_error(Database database)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var server = await servers.StartAsync(database, Settings(SmtpSink.ClosedPort()), clock);
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var (patientId, _, _) = await PatientWithEmailAsync(server, nurse, $"Refused-{database}");

        await RunAsync(server);
        var email = (await OutboxOfAsync(server, patientId)).Single(r => r.Transport == "email");
        Assert.Equal(("queued", 1), (email.Status, email.Attempts));
        Assert.False(string.IsNullOrEmpty(email.LastError));
        Assert.Equal(clock.GetUtcNow().AddMinutes(1), email.NextAttemptAt!.Value, TimeSpan.FromMilliseconds(1));

        // Not before its time; then after 1, 2, 4 and 8 minutes; the fifth failure is final.
        await RunAsync(server);
        Assert.Equal(1, (await OutboxOfAsync(server, patientId)).Single(r => r.Transport == "email").Attempts);
        foreach (var (wait, attempts) in new[] { (1, 2), (2, 3), (4, 4) })
        {
            clock.Advance(TimeSpan.FromMinutes(wait));
            await RunAsync(server);
            email = (await OutboxOfAsync(server, patientId)).Single(r => r.Transport == "email");
            Assert.Equal(("queued", attempts), (email.Status, email.Attempts));
        }

        clock.Advance(TimeSpan.FromMinutes(8));
        await RunAsync(server);
        email = (await OutboxOfAsync(server, patientId)).Single(r => r.Transport == "email");
        Assert.Equal(("failed", 5), (email.Status, email.Attempts));
        Assert.Null(email.NextAttemptAt);

        var page = WebUtility.HtmlDecode(await nurse.GetStringAsync("/reminders?status=failed"));
        Assert.Contains($"Test Refused-{database}", page, StringComparison.Ordinal);
        Assert.Contains("class=\"outbox-failed\"", page, StringComparison.Ordinal);
        Assert.Contains(email.LastError!, page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Quiet_hours_and_an_opt_out_hold_reminders_and_the_settings_page_saves_by_post_then_redirect(Database database)
    {
        await using var sink = new SmtpSink();
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var server = await servers.StartAsync(database, Settings(sink.Port), clock);
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var (patientId, patient, address) = await PatientWithEmailAsync(server, nurse, $"Quiet-{database}");
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), NewYork).DateTime);
        string Hm(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

        var bad = await patient.PutAsJsonAsync("/api/portal/reminder-settings", new { quietFrom = "22:00", quietUntil = "", checkIn = true, activities = true });
        Assert.True((await bad.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("quietUntil", out _));

        // Quiet from an hour ago to an hour from now (spanning midnight when the clock says so).
        var quiet = new { quietFrom = Hm(local.AddHours(-1)), quietUntil = Hm(local.AddHours(1)), checkIn = true, activities = true };
        Assert.Equal(HttpStatusCode.NoContent, (await patient.PutAsJsonAsync("/api/portal/reminder-settings", quiet)).StatusCode);
        await RunAsync(server);
        Assert.Empty(await OutboxOfAsync(server, patientId));

        // The patient opts out of the check-in reminder on the page (post, then redirect), with no quiet hours.
        var page = await patient.GetStringAsync("/my/reminders");
        var response = await patient.PostFormAsync("/my/reminders", "reminders", [new("quietFrom", ""), new("quietUntil", ""), new("activities", "true")], page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Your reminder settings are saved.", await patient.FollowAsync(response), StringComparison.Ordinal);
        await RunAsync(server);
        Assert.Empty(await OutboxOfAsync(server, patientId));

        // When quiet hours end and the kind is wanted again, the check-in still due is reminded.
        Assert.Equal(HttpStatusCode.NoContent, (await patient.PutAsJsonAsync("/api/portal/reminder-settings", quiet)).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(61));
        await RunAsync(server);
        Assert.Equal(2, (await OutboxOfAsync(server, patientId)).Count);
        Assert.Single(sink.Messages, m => m.To.Contains(address));
    }
}
