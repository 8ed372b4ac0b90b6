using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Speciosa.Testing;
using Speciosa.Web.Http;
using Xunit;
using static Speciosa.Testing.RegimenTestData;

namespace Speciosa.Web.Tests.Regimens;

public sealed class RegimenApiTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_patient_in_a_banned_state_cannot_be_given_a_regimen_and_the_refusal_names_the_source(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (productId, lotId) = await LeafLotAsync(clinician);
        var patientId = await EnrolLivingInAsync(clinician, "US-LA");

        var response = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/regimens", Order(productId, lotId, confirm: true));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Refuse", problem.GetProperty("outcome").GetString());
        var reason = problem.GetProperty("reasons").EnumerateArray().First();
        Assert.Equal("Banned", reason.GetProperty("kind").GetString());
        Assert.Contains("WRKF", reason.GetProperty("sources")[0].GetProperty("citation").GetString(), StringComparison.Ordinal);
        Assert.Contains("banned", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        var list = await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/regimens");
        Assert.Equal(0, list.GetArrayLength());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_warn_and_confirm_jurisdiction_needs_confirmation_which_is_then_recorded_on_the_version(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (productId, _) = await LeafLotAsync(clinician);
        var patientId = await EnrolLivingInAsync(clinician, "US-AZ"); // unverified registry entry: warn and confirm

        var unconfirmed = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/regimens", Order(productId, null));
        var problem = await unconfirmed.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(ProblemTypes.LegalConfirmationNeeded, problem.GetProperty("type").GetString());
        Assert.Equal("WarnAndConfirm", problem.GetProperty("outcome").GetString());
        Assert.Contains(problem.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("kind").GetString() == "EntryUnverified");

        var confirmed = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/regimens", Order(productId, null, confirm: true));
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        var view = await confirmed.Content.ReadFromJsonAsync<JsonElement>();
        var version = view.GetProperty("current");
        Assert.Equal("WarnAndConfirm", version.GetProperty("legalOutcome").GetString());
        Assert.True(version.GetProperty("legalConfirmedBy").GetGuid() != Guid.Empty);
        Assert.NotEqual(JsonValueKind.Null, version.GetProperty("legalConfirmedAt").ValueKind);
        Assert.Contains(version.GetProperty("legalWarnings").EnumerateArray(), w => w.GetProperty("kind").GetString() == "EntryUnverified");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Amending_keeps_every_version_with_who_when_and_why(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (productId, lotId) = await LeafLotAsync(clinician);
        var patientId = await EnrolLivingInAsync(clinician, "US-TN");
        var created = await (await clinician.PostAsJsonAsync($"/api/patients/{patientId}/regimens", Order(productId, lotId)))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var stamp = created.GetProperty("concurrencyStamp").GetGuid();

        var noReason = await clinician.PutAsJsonAsync($"/api/patients/{patientId}/regimens/{id}", Order(productId, lotId, reason: "", stamp: stamp, grams: 2.5m));
        var invalid = await noReason.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("reason", out _));

        var amended = await clinician.PutAsJsonAsync($"/api/patients/{patientId}/regimens/{id}", Order(productId, lotId, reason: "Withdrawal not controlled", stamp: stamp, grams: 2.5m, maxPerDay: 7.5m));
        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);
        var stale = await clinician.PutAsJsonAsync($"/api/patients/{patientId}/regimens/{id}", Order(productId, lotId, reason: "Again", stamp: stamp, grams: 3m, maxPerDay: 9m));
        Assert.Equal(ProblemTypes.StaleWrite, (await stale.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("type").GetString());

        var view = await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/regimens/{id}");
        var versions = view.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(2, versions.Count);
        Assert.Equal(2.5m, view.GetProperty("current").GetProperty("gramsPerAdministration").GetDecimal());
        Assert.Equal("Withdrawal not controlled", versions[0].GetProperty("reason").GetString());
        Assert.Equal("Starting order", versions[1].GetProperty("reason").GetString());
        Assert.Equal(2m, versions[1].GetProperty("gramsPerAdministration").GetDecimal());
        Assert.Contains("Clinician", versions[0].GetProperty("authoredByName").GetString(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Only_a_clinician_may_order_a_regimen(Database database)
    {
        var server = await servers.On(database);
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (productId, lotId) = await LeafLotAsync(clinician);
        var patientId = await PatientIdAsync(clinician, "Sampleton");

        var response = await nurse.PostAsJsonAsync($"/api/patients/{patientId}/regimens", Order(productId, lotId));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Another_clinics_patient_is_not_found(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (productId, lotId) = await LeafLotAsync(clinician);
        var stranger = Guid.NewGuid();

        var order = await clinician.PostAsJsonAsync($"/api/patients/{stranger}/regimens", Order(productId, lotId));
        var dose = await clinician.PostAsJsonAsync($"/api/patients/{stranger}/doses", new { grams = 1m, lotId });
        var read = await clinician.GetAsync($"/api/patients/{stranger}/dose-chart");

        await order.AssertProblemAsync(HttpStatusCode.NotFound);
        await dose.AssertProblemAsync(HttpStatusCode.NotFound);
        await read.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_staff_dose_over_the_maximum_is_refused_with_the_reasons_and_stored_nowhere(Database database)
    {
        var server = await servers.On(database);
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var (_, lotId) = await LeafLotAsync(nurse);
        var patientId = await PatientIdAsync(nurse, "Sampleton");
        var before = await nurse.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/doses");

        var response = await nurse.PostAsJsonAsync($"/api/patients/{patientId}/doses", new { grams = 10m, lotId });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(ProblemTypes.DoseOutsideOrder, problem.GetProperty("type").GetString());
        var reasons = problem.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Contains(reasons, r => r.Contains("per administration", StringComparison.Ordinal));
        var after = await nurse.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/doses");
        Assert.Equal(before.GetProperty("total").GetInt32(), after.GetProperty("total").GetInt32());
        var alerts = await nurse.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/alerts?status=open");
        Assert.DoesNotContain(alerts.EnumerateArray(), a => a.GetProperty("ruleId").GetString() == "dosing.above-per-dose-max");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_same_dose_reported_by_the_patient_is_stored_marked_as_reported_and_raises_explained_alerts(Database database)
    {
        var server = await servers.On(database);
        var patient = await server.SignedInClientAsync("demo.patient");
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var (_, lotId) = await LeafLotAsync(nurse);
        var patientId = await PatientIdAsync(nurse, "Testwell");

        var response = await patient.PostAsJsonAsync($"/api/patients/{patientId}/doses", new { grams = 10m, lotId });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var dose = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(dose.GetProperty("patientReported").GetBoolean());
        Assert.Contains(dose.GetProperty("alerts").EnumerateArray(), a => a.GetString()!.Contains("per administration", StringComparison.Ordinal));
        Assert.Equal(150m, dose.GetProperty("mitragynineMg").GetDecimal()); // 15 mg/g on the certificate × 10 g
        Assert.False(dose.GetProperty("alkaloidEstimate").GetBoolean());
        var log = await nurse.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/doses");
        Assert.Contains(log.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetGuid() == dose.GetProperty("id").GetGuid());
        var alerts = await nurse.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/alerts?status=open");
        var perDose = Assert.Single(alerts.EnumerateArray(), a => a.GetProperty("ruleId").GetString() == "dosing.above-per-dose-max");
        Assert.Contains("2 g", perDose.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_patient_cannot_report_a_dose_for_someone_else(Database database)
    {
        var server = await servers.On(database);
        var patient = await server.SignedInClientAsync("demo.patient");
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var other = await PatientIdAsync(nurse, "Placeholder");

        var response = await patient.PostAsJsonAsync($"/api/patients/{other}/doses", new { grams = 1m });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_taper_generator_returns_a_calendar_the_clinician_edits_and_saves_as_a_new_version(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (productId, lotId) = await LeafLotAsync(clinician);
        var patientId = await EnrolLivingInAsync(clinician, "US-TN");
        var created = await (await clinician.PostAsJsonAsync($"/api/patients/{patientId}/regimens", Order(productId, lotId)))
            .Content.ReadFromJsonAsync<JsonElement>();
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7).ToString("yyyy-MM-dd");

        var generated = await clinician.PostAsJsonAsync("/api/taper-plans", new { method = "PercentOfStartingDose", startDate = start, startingGramsPerDay = 6m, roundingStepGrams = 0.5m, weeklyReductionPercent = 25m });
        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        var calendar = await generated.Content.ReadFromJsonAsync<JsonElement>();
        var entries = calendar.GetProperty("entries").EnumerateArray().Select(e => new
        {
            startsOn = e.GetProperty("startsOn").GetString(), gramsPerDay = e.GetProperty("gramsPerDay").GetDecimal(),
            basis = e.GetProperty("basis").GetString(),
        }).ToList();
        Assert.Equal(4, entries.Count); // 4.5, 3, 1.5, 0
        Assert.Equal(0m, entries[^1].gramsPerDay);

        var badEdit = entries.Select((e, i) => i == 1 ? e with { gramsPerDay = 5m } : e).ToList();
        var refused = await clinician.PutAsJsonAsync($"/api/patients/{patientId}/regimens/{created.GetProperty("id").GetGuid()}/taper",
            new { taper = new { entries = badEdit }, reason = "Taper agreed", concurrencyStamp = created.GetProperty("concurrencyStamp").GetGuid() });
        var invalid = await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("taper.entries[1].gramsPerDay", out _));

        var edited = entries.Select((e, i) => i == 1 ? e with { gramsPerDay = 3.5m, basis = "clinician: slower second week" } : e).ToList();
        var saved = await clinician.PutAsJsonAsync($"/api/patients/{patientId}/regimens/{created.GetProperty("id").GetGuid()}/taper",
            new { taper = new { entries = edited }, reason = "Taper agreed", concurrencyStamp = created.GetProperty("concurrencyStamp").GetGuid() });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var view = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, view.GetProperty("versions").GetArrayLength());
        Assert.Equal(3.5m, view.GetProperty("current").GetProperty("taper").GetProperty("entries")[1].GetProperty("gramsPerDay").GetDecimal());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_chart_gives_daily_grams_and_alkaloid_mg_against_the_ceiling(Database database)
    {
        var server = await servers.On(database);
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var patientId = await PatientIdAsync(nurse, "Placeholder");

        var chart = await nurse.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/dose-chart");

        var days = chart.GetProperty("days").EnumerateArray().Where(d => d.GetProperty("grams").GetDecimal() > 0).ToList();
        Assert.Equal(3, days.Count);
        Assert.All(days, d => Assert.Equal(6m, d.GetProperty("ceilingGrams").GetDecimal()));
        Assert.All(days, d => Assert.Equal(30m, d.GetProperty("mitragynineMg").GetDecimal()));
    }
}
