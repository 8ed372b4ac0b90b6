using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Speciosa.Web.CarePlans;
using Xunit;

namespace Speciosa.Web.Tests.CarePlans;

/// <summary>Issue 14 item 5: a clinician builds a versioned care plan (who, when, why; a stale stamp refused), the patient sees
/// each activity on Today and marks it done with how it went, staff record attendance, and adherence shows on the overview
/// and in the printed summary. On both databases.</summary>
public sealed class CarePlanTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private const string Password = "violet harbour tractor 9";
    private static readonly string[] EveryDay = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    /// <summary>Enrols a patient, invites them and signs them in on the portal with consent given.</summary>
    internal static async Task<(Guid PatientId, HttpClient Patient)> PortalPatientAsync(SpeciosaServer server, HttpClient staff, string family)
    {
        var patientId = await PatientTestData.EnrolAsync(staff, family);
        var invitation = await staff.PostAsync($"/api/patients/{patientId}/portal/invitations", null);
        var link = (await invitation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("link").GetString()!;
        var token = link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        var userName = $"pat.{family}".ToLowerInvariant();
        Assert.Equal(HttpStatusCode.Created, (await server.CreateClient().PostAsJsonAsync("/api/portal/accept",
            new { token, userName, password = Password, confirmPassword = Password })).StatusCode);
        var patient = await server.SignedInClientAsync(userName, Password);
        Assert.Equal(HttpStatusCode.NoContent, (await patient.PostAsJsonAsync("/api/portal/consent", new { version = 1, accept = true })).StatusCode);
        return (patientId, patient);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_plan_is_versioned_with_who_when_and_why_and_a_stale_or_reasonless_change_is_refused(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var patientId = await PatientTestData.EnrolAsync(clinician, $"Planned-{database}");
        var path = $"/api/patients/{patientId}/care-plan";

        var noReason = await clinician.PutAsJsonAsync(path, new { activities = new[] { new { kind = "exercise", days = EveryDay, times = new[] { "18:00" }, goal = "Walk" } } });
        var problem = await noReason.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));

        var bad = await clinician.PutAsJsonAsync(path, new { reason = "x", activities = new[] { new { kind = "kratom", days = Array.Empty<string>(), times = new[] { "6pm" }, goal = "" } } });
        var errors = (await bad.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "activities[0].kind", "activities[0].days", "activities[0].times", "activities[0].goal" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        var first = await clinician.PutAsJsonAsync(path, new
        {
            reason = "Plan agreed at enrolment",
            activities = new object[]
            {
                new { kind = "exercise", title = "Evening walk", days = EveryDay, times = new[] { "23:59" }, goal = "Walk 20 minutes" },
                new { kind = "support-group", days = new[] { "Thursday" }, times = new[] { "19:00" }, goal = "Go to the Thursday group", notes = "Room 2" },
            },
        });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var stamp1 = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("concurrencyStamp").GetGuid();

        var view = await clinician.GetFromJsonAsync<JsonElement>(path);
        var walkId = view.GetProperty("activities")[0].GetProperty("id").GetGuid();
        var second = await clinician.PutAsJsonAsync(path, new
        {
            reason = "Group moved to Wednesday", concurrencyStamp = stamp1,
            activities = new object[] { new { id = walkId, kind = "exercise", title = "Evening walk", days = EveryDay, times = new[] { "23:59" }, goal = "Walk 30 minutes" } },
        });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        var stale = await clinician.PutAsJsonAsync(path, new { reason = "Late edit", concurrencyStamp = stamp1, activities = Array.Empty<object>() });
        Assert.Equal("urn:speciosa:problem:stale-write", (await stale.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("type").GetString());
        var noStamp = await clinician.PutAsJsonAsync(path, new { reason = "Late edit", activities = Array.Empty<object>() });
        Assert.True((await noStamp.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("concurrencyStamp", out _));

        view = await clinician.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal(2, view.GetProperty("version").GetInt32());
        var history = view.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal([2, 1], history.Select(h => h.GetProperty("version").GetInt32()));
        Assert.Equal("Group moved to Wednesday", history[0].GetProperty("reason").GetString());
        Assert.Equal("demo.clinician", history[1].GetProperty("changedBy").GetString());
        Assert.Equal(2, history[1].GetProperty("activities").GetArrayLength());
        Assert.Equal(walkId, Assert.Single(view.GetProperty("activities").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(2, await server.QueryAsync(db => db.CarePlanVersions.Join(db.CarePlans.Where(p => p.PatientId == patientId), v => v.CarePlanId, p => p.Id, (v, p) => v).CountAsync()));
        Assert.Equal(2, await server.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "care-plan.save" && e.PatientId == patientId && e.Outcome == "success")));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_patient_marks_todays_activity_done_from_Today_and_staff_see_adherence_on_the_overview_and_in_the_summary(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (patientId, patient) = await PortalPatientAsync(server, clinician, $"Doer-{database}");
        Assert.Equal(HttpStatusCode.OK, (await clinician.PutAsJsonAsync($"/api/patients/{patientId}/care-plan", new
        {
            reason = "Plan agreed at enrolment",
            activities = new object[] { new { kind = "mindfulness", title = "Breathing", days = EveryDay, times = new[] { "23:59" }, goal = "Ten quiet minutes" } },
        })).StatusCode);

        var today = await patient.GetFromJsonAsync<JsonElement>("/api/portal/today");
        var line = today.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("href").GetString()!.StartsWith("/my/activities/", StringComparison.Ordinal));
        Assert.False(line.GetProperty("done").GetBoolean());
        var href = line.GetProperty("href").GetString()!;
        Assert.StartsWith("/my/activities/", href, StringComparison.Ordinal);

        // The page form: no rating is refused beside the field; then done, redirected to Today, and a repeat post stores nothing.
        var page = await patient.GetStringAsync(href);
        Assert.Contains("Ten quiet minutes", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        var refused = await patient.PostFormAsync(href, "activity-done", [new("note", "")], page);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("rating-problem", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        page = await patient.GetStringAsync(href);
        var fields = HtmlForm.FieldsOf(page, "activity-done");
        fields["rating"] = "4";
        fields["note"] = "Felt calmer";
        var done = await patient.PostFormAsync(href, "activity-done", fields, page);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/today", done.Headers.Location!.OriginalString);
        var again = await patient.PostFormAsync(href, "activity-done", fields, page);
        Assert.Equal("/today", again.Headers.Location!.OriginalString);
        Assert.Equal(1, await server.QueryAsync(db => db.CarePlanActivityRecords.CountAsync(r => r.PatientId == patientId)));
        var stored = await server.QueryAsync(db => db.CarePlanActivityRecords.SingleAsync(r => r.PatientId == patientId));
        Assert.True(stored.PatientReported);
        Assert.Equal(4, stored.Rating);

        today = await patient.GetFromJsonAsync<JsonElement>("/api/portal/today");
        Assert.True(today.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("href").GetString()!.StartsWith("/my/activities/", StringComparison.Ordinal)).GetProperty("done").GetBoolean());
        var todayPage = WebUtility.HtmlDecode(await patient.GetStringAsync("/today"));
        Assert.Contains("Breathing (23:59)", todayPage, StringComparison.Ordinal);

        // A patient can only say done; staff cannot be impersonated, and another patient's plan is 404.
        var asStaff = await patient.PostAsJsonAsync($"/api/patients/{patientId}/care-plan/records",
            new { activityId = stored.ActivityId, day = stored.Day, time = "23:59", outcome = "attended" });
        Assert.True((await asStaff.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("outcome", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.PutAsJsonAsync($"/api/patients/{patientId}/care-plan", new { reason = "mine", activities = Array.Empty<object>() })).StatusCode);
        var other = await PatientTestData.EnrolAsync(clinician, $"NotMine-{database}");
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync($"/api/patients/{other}/care-plan")).StatusCode);

        var overview = WebUtility.HtmlDecode(await clinician.GetStringAsync($"/patients/{patientId}"));
        Assert.Contains("id=\"care-plan-section\"", overview, StringComparison.Ordinal);
        Assert.Contains("1 of 1 done (100 %)", overview, StringComparison.Ordinal);
        var pdf = await PdfText.GetAsync(clinician, $"/api/patients/{patientId}/summary.pdf");
        Assert.Contains("Care plan", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Ten quiet minutes", pdf.All, StringComparison.Ordinal);
        Assert.Contains("1 of 1 done (100 %)", pdf.All, StringComparison.Ordinal);

        // What the patient said waits in the staff review queue, and the patient sees their adherence on My progress.
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var queue = await nurse.GetFromJsonAsync<JsonElement>($"/api/review-queue?patientId={patientId}");
        var item = Assert.Single(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("kind").GetString() == "activity");
        Assert.Equal("awaiting", item.GetProperty("state").GetString());
        Assert.Contains("how it went 4 of 5", item.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("Felt calmer", item.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var progress = WebUtility.HtmlDecode(await patient.GetStringAsync("/my/progress"));
        Assert.Contains("Your care plan", progress, StringComparison.Ordinal);
        Assert.Contains("This week, Breathing: 1 of 1 done (100 %)", progress, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Staff_build_a_plan_on_the_page_record_a_missed_session_with_its_reason_and_a_reload_changes_nothing(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var patientId = await PatientTestData.EnrolAsync(clinician, $"Paged-{database}");
        var path = $"/patients/{patientId}/care-plan";

        var page = await clinician.GetStringAsync(path);
        var fields = HtmlForm.FieldsOf(page, "plan");
        fields["a0.kind"] = "counselling";
        fields["a0.times"] = "23:59";
        fields["a0.goal"] = "";
        var form = fields.ToList();
        form.AddRange(EveryDay.Select(d => new KeyValuePair<string, string>("a0.days", d)));
        var refused = await clinician.PostFormAsync(path, "plan", form, page);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Write the goal, in words the patient understands.", html, StringComparison.Ordinal);
        Assert.Contains("Say why the plan is made or changed", html, StringComparison.Ordinal);
        Assert.Contains("value=\"23:59\"", html, StringComparison.Ordinal);

        form.RemoveAll(f => f.Key is "a0.goal" or "Plan.Reason");
        form.Add(new("a0.goal", "Weekly talk with Sam"));
        form.Add(new("Plan.Reason", "Counselling booked"));
        var saved = await clinician.PostFormAsync(path, "plan", form, page);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        page = WebUtility.HtmlDecode(await clinician.FollowAsync(saved));
        Assert.Contains("The plan was saved as a new version.", page, StringComparison.Ordinal);
        Assert.Contains("Version 1", page, StringComparison.Ordinal);
        Assert.Contains("Counselling booked", page, StringComparison.Ordinal);

        var reload = await clinician.GetStringAsync(path + "?saved=plan");
        Assert.Equal(1, await server.QueryAsync(db => db.CarePlanVersions.Join(db.CarePlans.Where(p => p.PatientId == patientId), v => v.CarePlanId, p => p.Id, (v, p) => v).CountAsync()));

        var handler = System.Text.RegularExpressions.Regex.Match(reload, "name=\"_handler\" value=\"(attend-[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(handler);
        var noReason = await clinician.PostFormAsync(path, handler, [.. HtmlForm.FieldsOf(reload, handler), new("Attend.Outcome", "missed")], reload);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Say why the session was missed.", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var attendFields = HtmlForm.FieldsOf(reload, handler);
        attendFields["Attend.Reason"] = "Unwell, phoned in";
        var missed = await clinician.PostFormAsync(path, handler, [.. attendFields, new("Attend.Outcome", "missed")], reload);
        Assert.Equal(HttpStatusCode.Redirect, missed.StatusCode);
        page = WebUtility.HtmlDecode(await clinician.FollowAsync(missed));
        Assert.Contains("Attendance recorded.", page, StringComparison.Ordinal);
        Assert.Contains("Unwell, phoned in", page, StringComparison.Ordinal);
        Assert.Contains("0 of 1 done (0 %)", page, StringComparison.Ordinal);
        var repeat = await clinician.PostFormAsync(path, handler, [.. attendFields, new("Attend.Outcome", "missed")], reload);
        Assert.Equal(HttpStatusCode.Redirect, repeat.StatusCode);
        Assert.Equal(1, await server.QueryAsync(db => db.CarePlanActivityRecords.CountAsync(r => r.PatientId == patientId)));
    }
}
