using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Testing;
using Xunit;
using static Speciosa.Testing.RegimenTestData;

namespace Speciosa.Web.Tests.Regimens;

public sealed class EscalationAndSeamTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Rising_use_over_fourteen_days_raises_one_escalation_alert_when_a_dose_shows_it(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var (productId, lotId) = await LeafLotAsync(clinician);
        var patientId = await EnrolLivingInAsync(clinician, "US-TN");
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30).ToString("yyyy-MM-dd");
        var created = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/regimens",
            new { productId, lotId, gramsPerAdministration = 2m, maxAdministrationsPerDay = 3, maxGramsPerDay = 6m, startDate = start, reason = "Starting order" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var noon = new DateTimeOffset(DateTime.UtcNow.Date.AddHours(16), TimeSpan.Zero).AddDays(-1); // midday in New York, yesterday

        for (var daysAgo = 20; daysAgo >= 14; daysAgo--)
        {
            var r = await nurse.PostAsJsonAsync($"/api/patients/{patientId}/doses", new { givenAt = noon.AddDays(-daysAgo), grams = 1m, lotId });
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        }

        var raised = new List<string>();
        for (var daysAgo = 6; daysAgo >= 0; daysAgo--)
        {
            var r = await nurse.PostAsJsonAsync($"/api/patients/{patientId}/doses", new { givenAt = noon.AddDays(-daysAgo), grams = 2m, lotId });
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            var dose = await r.Content.ReadFromJsonAsync<JsonElement>();
            raised.AddRange(dose.GetProperty("alerts").EnumerateArray().Select(a => a.GetString()!));
        }

        // The first 2 g day already doubles the mean against the 1 g week two weeks before it; one open alert, not seven.
        Assert.Single(raised, a => a.Contains("rose 100", StringComparison.Ordinal));
        var alerts = await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/alerts?status=open");
        var escalation = Assert.Single(alerts.EnumerateArray(), a => a.GetProperty("ruleId").GetString() == "dosing.escalation");
        // The test server configures no escalation share: the figure is the software's and the threshold says so (E24).
        Assert.Contains("software default, not a clinic decision", escalation.GetProperty("threshold").GetString(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_safety_seam_answers_whether_a_patient_has_an_active_regimen_and_which(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var onRegimen = await PatientIdAsync(clinician, "Testwell");
        var withoutRegimen = await EnrolLivingInAsync(clinician, "US-TN");
        await using var scope = server.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<RegimenQueries>();

        var active = await queries.ActiveRegimenAsync(onRegimen, DateTimeOffset.UtcNow);

        Assert.NotNull(active);
        Assert.Equal(2m, active.Order.GramsPerAdministration);
        Assert.True(await queries.HasActiveRegimenAsync(onRegimen, DateTimeOffset.UtcNow));
        Assert.False(await queries.HasActiveRegimenAsync(withoutRegimen, DateTimeOffset.UtcNow));
        Assert.Null(await queries.ActiveRegimenAsync(withoutRegimen, DateOnly.FromDateTime(DateTime.UtcNow)));
    }
}
