using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Speciosa.Web.CarePlans;
using Xunit;

namespace Speciosa.Web.Tests.CarePlans;

/// <summary>Issue 14 item 5, "staff record attendance for sessions they run": a nurse records a counselling session attended;
/// it counts as done in the adherence staff see on the overview, and it is staff's word (not patient-reported, so not in
/// the review queue).</summary>
public sealed class CarePlanAttendanceTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private static readonly string[] EveryDay = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_session_staff_record_as_attended_counts_as_done_and_is_not_a_patient_report(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var patientId = await PatientTestData.EnrolAsync(clinician, $"Attending-{database}");
        Assert.Equal(HttpStatusCode.OK, (await clinician.PutAsJsonAsync($"/api/patients/{patientId}/care-plan", new
        {
            reason = "Counselling agreed at enrolment",
            activities = new object[] { new { kind = "counselling", title = "Counselling", days = EveryDay, times = new[] { "23:59" }, goal = "Talk through the day" } },
        })).StatusCode);
        var plan = await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/care-plan");
        var activityId = plan.GetProperty("activities")[0].GetProperty("id").GetGuid();
        var today = plan.GetProperty("today").GetString(); // the clinic's day, not UTC's

        var attended = await nurse.PostAsJsonAsync($"/api/patients/{patientId}/care-plan/records",
            new { activityId, day = today, time = "23:59", outcome = "attended" });
        Assert.Equal(HttpStatusCode.Created, attended.StatusCode);

        var stored = await server.QueryAsync(db => db.CarePlanActivityRecords.Where(r => r.PatientId == patientId).ToListAsync());
        var record = Assert.Single(stored);
        Assert.False(record.PatientReported);
        var overview = WebUtility.HtmlDecode(await clinician.GetStringAsync($"/patients/{patientId}"));
        Assert.Contains("1 of 1 done (100 %)", overview, StringComparison.Ordinal);
        var queue = await nurse.GetFromJsonAsync<JsonElement>($"/api/review-queue?patientId={patientId}&state=all");
        Assert.DoesNotContain(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("kind").GetString() == "activity");
    }
}
