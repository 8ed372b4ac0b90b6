using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Patients;

/// <summary>The patient record through the API: who may see it, search, edits and their audit.</summary>
public sealed class PatientApiTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Another_clinics_patient_is_a_404(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Ownclinic");
        var other = await OtherClinic.ClinicianAsync(server);

        await (await other.GetAsync($"/api/patients/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/patients/{id}/assessments")).AssertProblemAsync(HttpStatusCode.NotFound);
        var post = await other.PostAsJsonAsync($"/api/patients/{id}/assessments", WithdrawalTestData.Cows(WithdrawalTestData.ModerateCows, DateTimeOffset.UtcNow.AddMinutes(-1)));
        await post.AssertProblemAsync(HttpStatusCode.NotFound);
        var list = await other.GetFromJsonAsync<JsonElement>("/api/patients?name=ownclinic");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_patient_sees_their_own_record_self_reports_for_review_and_gets_404_for_anyone_else(Database database)
    {
        var server = await servers.On(database);
        var staff = await server.SignedInClientAsync("demo.clinician");
        var (portalId, patientClient) = await NewPatientAccountAsync(server);
        var own = await PatientTestData.EnrolAsync(staff, "Portal", portalId);
        var someoneElse = await PatientTestData.EnrolAsync(staff, "Someoneelse");

        Assert.Equal(HttpStatusCode.OK, (await patientClient.GetAsync($"/api/patients/{own}")).StatusCode);
        await (await patientClient.GetAsync($"/api/patients/{someoneElse}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var mine = await patientClient.GetFromJsonAsync<JsonElement>("/api/patients");
        Assert.Equal(own, Assert.Single(mine.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());

        var sows = Enumerable.Range(1, 16).ToDictionary(n => n, n => n % 5);
        var posted = await patientClient.PostAsJsonAsync($"/api/patients/{own}/assessments",
            new { instrumentId = "sows-handelsman", answers = sows, assessedAt = DateTimeOffset.UtcNow.AddMinutes(-1) });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var assessment = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assessment");
        Assert.True(assessment.GetProperty("patientReported").GetBoolean());
        Assert.True(assessment.GetProperty("awaitingReview").GetBoolean());
        Assert.Equal(sows.Values.Sum(), assessment.GetProperty("total").GetInt32());

        var cows = await patientClient.PostAsJsonAsync($"/api/patients/{own}/assessments", WithdrawalTestData.Cows(WithdrawalTestData.ModerateCows, DateTimeOffset.UtcNow.AddMinutes(-1)));
        await cows.AssertProblemAsync(HttpStatusCode.BadRequest);

        var review = await staff.PostAsync($"/api/patients/{own}/assessments/{assessment.GetProperty("id").GetGuid()}/review", null);
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.False((await review.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("awaitingReview").GetBoolean());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Search_filters_by_name_and_status_and_pages(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        for (var i = 0; i < 3; i++)
        {
            await PatientTestData.EnrolAsync(client, $"Pagerson{i}");
        }

        var page = await client.GetFromJsonAsync<JsonElement>("/api/patients?name=PAGERSON&status=active&page=2&pageSize=2");
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal("Pagerson2", Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("familyName").GetString());
        await (await client.GetAsync("/api/patients?status=asleep")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/api/patients?pageSize=101")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_edit_with_a_stale_concurrency_stamp_is_a_409(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Concurrent");
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}");
        StringContent Edit(string status) => PatientEdits.Json(PatientEdits.WholeRecord(read, r => r["status"] = status));

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"/api/patients/{id}", Edit("completed"))).StatusCode);
        await (await client.PutAsync($"/api/patients/{id}", Edit("withdrawn"))).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Patient_reads_and_writes_are_audited_with_the_patient_id(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Audited");
        await client.GetAsync($"/api/patients/{id}");
        await client.GetAsync($"/api/patients/{id}/alerts");

        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpeciosaDbContext>();
        var actions = await db.AuditEntries.Where(a => a.PatientId == id).Select(a => a.Action).ToListAsync();
        Assert.Contains("patient.create", actions);
        Assert.Contains("patient.read", actions);
        Assert.Contains("alert.list", actions);
    }

    private static async Task<(Guid UserId, HttpClient Client)> NewPatientAccountAsync(SpeciosaServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpeciosaDbContext>();
        var clinicId = await db.Clinics.Where(c => c.IsDemo).Select(c => c.Id).FirstAsync();
        var name = "portal." + Guid.NewGuid().ToString("N")[..8];
        var (user, _) = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateAsync(clinicId, new NewUser(name, "Portal Patient", null, SpeciosaServer.DemoPassword, [SpeciosaRoles.Patient]), null, "test");
        return (user!.Id, await server.SignedInClientAsync(name));
    }
}
