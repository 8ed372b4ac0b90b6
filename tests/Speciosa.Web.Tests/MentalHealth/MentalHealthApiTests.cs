using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Testing;
using Speciosa.Web.Data;
using Speciosa.Web.Identity;
using Xunit;

namespace Speciosa.Web.Tests.MentalHealth;

/// <summary>PHQ-9, GAD-7 and AUDIT-C through the API: scored on the server, item answers kept with the instrument version,
/// PHQ-9 item 9 above 0 Critical on save, a patient's own entry awaiting review without rule ids, the safety assessment,
/// and the DSM-5 checklist.</summary>
public sealed class MentalHealthApiTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private static Dictionary<int, int> Phq9(int item9, int others = 1) =>
        Enumerable.Range(1, 9).ToDictionary(n => n, n => n == 9 ? item9 : others);

    private static object Screening(string id, Dictionary<int, int> answers) =>
        new { instrumentId = id, answers, assessedAt = DateTimeOffset.UtcNow.AddMinutes(-5) };

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Phq9_item_9_above_0_raises_a_critical_alert_at_once_with_rule_inputs_threshold_and_source(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Phqnine");

        var response = await client.PostAsJsonAsync($"/api/patients/{id}/screenings", Screening("phq-9", Phq9(item9: 1)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var screening = body.GetProperty("screening");
        Assert.Equal(9, screening.GetProperty("total").GetInt32());
        Assert.Equal("mild", screening.GetProperty("band").GetString());
        Assert.Equal(1, screening.GetProperty("instrumentVersion").GetInt32());
        Assert.Equal(1, screening.GetProperty("answers").GetProperty("9").GetInt32());
        Assert.Equal("mental-health.phq9-item9", Assert.Single(body.GetProperty("raisedAlerts").EnumerateArray()).GetProperty("ruleId").GetString());

        var alerts = await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/alerts");
        var alert = Assert.Single(alerts.EnumerateArray(), a => a.GetProperty("ruleId").GetString() == "mental-health.phq9-item9");
        Assert.Equal("Critical", alert.GetProperty("severity").GetString());
        Assert.Equal(1, alert.GetProperty("ruleVersion").GetInt32());
        Assert.Contains(alert.GetProperty("inputs").EnumerateArray(),
            i => i.GetProperty("name").GetString() == "PHQ-9 item 9" && i.GetProperty("value").GetString() == "1 (Several days)");
        Assert.Equal("PHQ-9 item 9 > 0 (any answer other than 'Not at all')", alert.GetProperty("threshold").GetString());
        Assert.Contains("Kroenke", alert.GetProperty("sourceCitation").GetString(), StringComparison.Ordinal);

        // Stored with its answers and version: the history reads them back.
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/screenings?instrument=phq-9");
        var stored = Assert.Single(history.GetProperty("items").EnumerateArray());
        Assert.Equal(9, stored.GetProperty("answers").EnumerateObject().Count());
        Assert.Equal("phq-9", stored.GetProperty("instrumentId").GetString());
        Assert.True(stored.GetProperty("selfHarmAnswer").GetBoolean());
        Assert.False(stored.GetProperty("safetyAssessmentRecorded").GetBoolean());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Invalid_answers_are_400_naming_each_item(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Invalidphq");
        var answers = Phq9(item9: 4);
        answers.Remove(3);

        var response = await client.PostAsJsonAsync($"/api/patients/{id}/screenings", Screening("phq-9", answers));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("allowed: 0, 1, 2, 3", errors.GetProperty("answers.9")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("no answer", errors.GetProperty("answers.3")[0].GetString(), StringComparison.Ordinal);
        var auditc = await client.PostAsJsonAsync($"/api/patients/{id}/screenings", Screening("audit-c", new() { [1] = 0, [2] = 0, [3] = 0, [4] = 0 }));
        Assert.True((await auditc.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("answers.4", out _));
        var unknown = await client.PostAsJsonAsync($"/api/patients/{id}/screenings", Screening("isi", Phq9(0)));
        Assert.True((await unknown.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("instrumentId", out _));
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/screenings")).GetProperty("total").GetInt32());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_patients_own_phq9_is_patient_reported_and_answered_in_plain_words_without_rule_ids(Database database)
    {
        var server = await servers.On(database);
        var staff = await server.SignedInClientAsync("demo.clinician");
        var (portalId, patientClient) = await NewPatientAccountAsync(server);
        var id = await PatientTestData.EnrolAsync(staff, "Selfreport", portalId);

        var response = await patientClient.PostAsJsonAsync($"/api/patients/{id}/screenings", Screening("phq-9", Phq9(item9: 2)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(text).RootElement;
        Assert.True(body.GetProperty("screening").GetProperty("patientReported").GetBoolean());
        Assert.True(body.GetProperty("screening").GetProperty("awaitingReview").GetBoolean());
        Assert.Empty(body.GetProperty("raisedAlerts").EnumerateArray());
        Assert.Contains("988", body.GetProperty("safetyMessage").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("phq9-item9", text, StringComparison.Ordinal);
        Assert.DoesNotContain("> 0", text, StringComparison.Ordinal);

        // Staff see the Critical alert at once, and the patient may not record the safety assessment.
        var alerts = await staff.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/alerts");
        Assert.Contains(alerts.EnumerateArray(), a => a.GetProperty("ruleId").GetString() == "mental-health.phq9-item9");
        var refused = await patientClient.PostAsJsonAsync($"/api/patients/{id}/safety-assessments",
            new { assessedAt = DateTimeOffset.UtcNow, outcome = "lower-risk", plan = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var screeningId = body.GetProperty("screening").GetProperty("id").GetGuid();
        var review = await staff.PostAsync($"/api/patients/{id}/screenings/{screeningId}/review", null);
        Assert.False((await review.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("awaitingReview").GetBoolean());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_clinicians_safety_assessment_records_who_when_outcome_and_plan_and_resolves_the_item_9_alert(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Safetyplan");
        var posted = await client.PostAsJsonAsync($"/api/patients/{id}/screenings", Screening("phq-9", Phq9(item9: 3)));
        var screeningId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("screening").GetProperty("id").GetGuid();

        var missing = await client.PostAsJsonAsync($"/api/patients/{id}/safety-assessments", new { screeningId, assessedAt = DateTimeOffset.UtcNow.AddMinutes(-1) });
        var errors = (await missing.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("outcome", out _));
        Assert.True(errors.TryGetProperty("plan", out _));

        var response = await client.PostAsJsonAsync($"/api/patients/{id}/safety-assessments", new
        {
            screeningId, assessedAt = DateTimeOffset.UtcNow.AddMinutes(-1), outcome = "moderate-risk",
            plan = "Safety plan written with the patient; review tomorrow; referral to community mental health.", structuredInstrument = "C-SSRS screen",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var recorded = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("moderate-risk", recorded.GetProperty("outcome").GetString());
        Assert.False(string.IsNullOrEmpty(recorded.GetProperty("assessedBy").GetString()));
        var alert = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/alerts?status=all")).EnumerateArray(),
            a => a.GetProperty("ruleId").GetString() == "mental-health.phq9-item9");
        Assert.Equal("resolved", alert.GetProperty("status").GetString());
        var stored = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/screenings")).GetProperty("items").EnumerateArray());
        Assert.True(stored.GetProperty("safetyAssessmentRecorded").GetBoolean());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Auditc_is_read_against_the_cut_off_for_the_recorded_sex(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Auditc"); // enrolled female

        var response = await client.PostAsJsonAsync($"/api/patients/{id}/screenings", Screening("audit-c", new() { [1] = 2, [2] = 1, [3] = 0 }));

        var screening = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("screening");
        Assert.Equal(3, screening.GetProperty("total").GetInt32());
        Assert.StartsWith("Positive screen: AUDIT-C 3 against 3 or more (female)", screening.GetProperty("reading").GetString(), StringComparison.Ordinal);

        // The seam the Liver feature's RUCAM worksheet can read: 2-4 times a month x 3 or 4 drinks is at most 0.53 a day.
        await using var scope = server.Services.CreateAsyncScope();
        var latest = await scope.ServiceProvider.GetRequiredService<Speciosa.Web.MentalHealth.MentalHealthQueries>().LatestAuditCAsync(id);
        Assert.Equal(3, latest!.Total);
        Assert.False(latest.DrinksPerDay!.Above(2m));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_dsm5_checklist_counts_the_criteria_and_sets_tolerance_and_withdrawal_aside_under_supervision(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Dsmfive");
        int[] met = [1, 2, 3, 4, 10, 11];

        var unsupervised = await client.PostAsJsonAsync($"/api/patients/{id}/use-disorder-checklists",
            new { substance = "opioid", occasion = "entry", criteriaMet = met, underMedicalSupervision = false, assessedAt = DateTimeOffset.UtcNow.AddDays(-30) });
        var supervised = await client.PostAsJsonAsync($"/api/patients/{id}/use-disorder-checklists",
            new { substance = "kratom", occasion = "review", criteriaMet = met, underMedicalSupervision = true, assessedAt = DateTimeOffset.UtcNow.AddMinutes(-1) });

        Assert.Equal(HttpStatusCode.Created, unsupervised.StatusCode);
        Assert.Equal("severe", (await unsupervised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("severity").GetString());
        var review = await supervised.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("moderate", review.GetProperty("severity").GetString());
        Assert.Equal([10, 11], review.GetProperty("notCountedUnderSupervision").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/use-disorder-checklists")).GetArrayLength());

        var bad = await client.PostAsJsonAsync($"/api/patients/{id}/use-disorder-checklists",
            new { substance = "alcohol", occasion = "later", criteriaMet = new[] { 12 }, assessedAt = DateTimeOffset.UtcNow });
        var errors = (await bad.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["criteriaMet", "occasion", "substance", "underMedicalSupervision"], errors.EnumerateObject().Select(e => e.Name).Order());
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
