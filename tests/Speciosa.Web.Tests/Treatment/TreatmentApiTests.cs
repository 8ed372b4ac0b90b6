using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Testing;
using Speciosa.Web.Alerts;
using Xunit;
using static Speciosa.Testing.RegimenTestData;

namespace Speciosa.Web.Tests.Treatment;

/// <summary>Issue 13 parts 1, 2 and 9 through the API: each rule raised once with its rule, inputs, threshold and source, and
/// visible on /api/patients/{id}/alerts.</summary>
public sealed class TreatmentApiTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private static async Task<DateOnly> ClinicTodayAsync(HttpClient client, Guid patientId) =>
        DateOnly.Parse((await client.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/treatment")).GetProperty("today").GetString()!,
            System.Globalization.CultureInfo.InvariantCulture);

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task SweepAsync(SpeciosaServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SafetySweep>().RunAsync(CancellationToken.None);
    }

    private static async Task<Guid> RegimenAsync(HttpClient clinician, Guid patientId, DateOnly start, object? taper = null, object? breaks = null)
    {
        var (productId, lotId) = await LeafLotAsync(clinician);
        var response = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/regimens", new
        {
            productId, lotId, gramsPerAdministration = 2m, maxAdministrationsPerDay = 3, maxGramsPerDay = 6m, startDate = D(start),
            taper, breaks, reason = "Test order", confirmLegalWarning = true,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static void AssertRuleShown(JsonElement alert, string rule, string source)
    {
        Assert.Equal(rule, alert.GetProperty("ruleId").GetString());
        Assert.Equal(1, alert.GetProperty("ruleVersion").GetInt32());
        Assert.NotEmpty(alert.GetProperty("inputs").EnumerateArray());
        Assert.False(string.IsNullOrWhiteSpace(alert.GetProperty("threshold").GetString()));
        Assert.Contains(source, alert.GetProperty("sourceCitation").GetString(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_taper_reaching_zero_warns_about_tolerance_to_staff_once_and_to_the_patient_in_plain_words(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (patientId, patient) = await PatientWithPortalAsync(server, clinician);
        var today = await ClinicTodayAsync(clinician, patientId);
        await RegimenAsync(clinician, patientId, today.AddDays(-1), taper: new
        {
            entries = new[] { new { startsOn = D(today.AddDays(-1)), gramsPerDay = 2m }, new { startsOn = D(today), gramsPerDay = 0m } },
        });

        await SweepAsync(server);
        await SweepAsync(server);

        var alert = Assert.Single(await AlertTestData.AlertsAsync(clinician, patientId, "overdose.tolerance-taper-zero"));
        AssertRuleShown(alert, "overdose.tolerance-taper-zero", "Loss of opioid tolerance");
        Assert.Equal("High", alert.GetProperty("severity").GetString());
        Assert.Contains("The taper reached zero on " + D(today), alert.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("overdose", alert.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(alert.GetProperty("inputs").EnumerateArray(), i => i.GetProperty("name").GetString() == "Taper entry of 0 g a day from"
            && i.GetProperty("value").GetString() == D(today));
        Assert.Contains("0 g a day", alert.GetProperty("threshold").GetString(), StringComparison.Ordinal);

        // Resolved by staff, it is not raised again for the same taper.
        var detail = await clinician.GetFromJsonAsync<JsonElement>($"/api/alerts/{alert.GetProperty("id").GetGuid()}");
        var resolve = await clinician.PostAsJsonAsync($"/api/alerts/{alert.GetProperty("id").GetGuid()}/resolve",
            new { reason = "Told the patient; naloxone in hand", concurrencyStamp = detail.GetProperty("concurrencyStamp").GetGuid() });
        Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        await SweepAsync(server);
        Assert.Single(await AlertTestData.AlertsAsync(clinician, patientId, "overdose.tolerance-taper-zero"));

        var overview = WebUtility.HtmlDecode(await patient.GetStringAsync($"/patients/{patientId}"));
        Assert.Contains("id=\"tolerance-warning\"", overview, StringComparison.Ordinal);
        Assert.Contains("Your body may have lost some of its tolerance", overview, StringComparison.Ordinal);
        Assert.Contains("Kratom is not an approved medicine", overview, StringComparison.Ordinal);
        Assert.DoesNotContain("overdose.tolerance", overview, StringComparison.Ordinal);
        Assert.DoesNotContain("LOCAL-TOLERANCE", overview, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_patient_on_a_regimen_without_naloxone_is_alerted_at_once_and_recording_a_supply_clears_it(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (patientId, _) = await PatientOnAnOrderAsync(clinician);

        var alert = Assert.Single(await AlertTestData.AlertsAsync(clinician, patientId, "overdose.naloxone-missing"));
        AssertRuleShown(alert, "overdose.naloxone-missing", "Recommendation 8");
        Assert.Equal("open", alert.GetProperty("status").GetString());
        Assert.Contains("Recommendation 8", alert.GetProperty("threshold").GetString(), StringComparison.Ordinal);

        var today = await ClinicTodayAsync(clinician, patientId);
        var strips = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/overdose-prevention", new { kind = "test-strips-offered", on = D(today) });
        var problem = await strips.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("accepted", out _));
        var future = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/overdose-prevention", new { kind = "naloxone-supplied", on = D(today.AddDays(1)) });
        Assert.True((await future.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("on", out _));
        var unknown = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/overdose-prevention", new { kind = "hope", on = D(today) });
        Assert.True((await unknown.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("kind", out _));

        var supplied = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/overdose-prevention",
            new { kind = "naloxone-supplied", on = D(today), note = "Nasal spray, two devices" });
        Assert.Equal(HttpStatusCode.Created, supplied.StatusCode);
        Assert.Equal(1, (await supplied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resolved").GetInt32());
        Assert.Equal(HttpStatusCode.Created, (await clinician.PostAsJsonAsync($"/api/patients/{patientId}/overdose-prevention",
            new { kind = "test-strips-offered", on = D(today), accepted = false })).StatusCode);

        Assert.Equal("resolved", Assert.Single(await AlertTestData.AlertsAsync(clinician, patientId, "overdose.naloxone-missing")).GetProperty("status").GetString());
        var summary = await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/treatment");
        Assert.Equal(D(today), summary.GetProperty("prevention").GetProperty("naloxoneSuppliedOn").GetString());
        Assert.Equal(D(today), summary.GetProperty("prevention").GetProperty("testStripsOfferedOn").GetString());
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("prevention").GetProperty("naloxoneTrainingOn").ValueKind);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_planned_break_and_days_without_a_dose_each_warn_about_tolerance_once(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var patientId = await EnrolLivingInAsync(clinician, "US-TN");
        var today = await ClinicTodayAsync(clinician, patientId);
        await RegimenAsync(clinician, patientId, today.AddDays(-8),
            breaks: new[] { new { firstDay = D(today.AddDays(-1)), lastDay = D(today.AddDays(2)), reason = "Family visit" } });

        await SweepAsync(server);

        var pause = Assert.Single(await AlertTestData.AlertsAsync(clinician, patientId, "overdose.tolerance-after-break"));
        AssertRuleShown(pause, "overdose.tolerance-after-break", "Loss of opioid tolerance");
        Assert.Contains(pause.GetProperty("inputs").EnumerateArray(), i => i.GetProperty("value").GetString() == "Family visit");

        // Days -8 to -2 of the order (7 days) had no dose recorded; the break days do not count.
        var missed = Assert.Single(await AlertTestData.AlertsAsync(clinician, patientId, "overdose.tolerance-missed-days"));
        AssertRuleShown(missed, "overdose.tolerance-missed-days", "3 consecutive days");
        Assert.Contains(missed.GetProperty("inputs").EnumerateArray(), i => i.GetProperty("name").GetString() == "Days without a recorded dose"
            && i.GetProperty("value").GetString() == "7");
        Assert.Contains("software default, not a clinic decision", missed.GetProperty("threshold").GetString(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task No_treatment_decision_since_enrolment_alerts_and_a_recorded_discussion_clears_it_while_bad_fields_are_named(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var patientId = await PatientTestData.EnrolAsync(clinician, "Moud");
        var today = await ClinicTodayAsync(clinician, patientId);

        await SweepAsync(server);
        var due = Assert.Single(await AlertTestData.AlertsAsync(clinician, patientId, "treatment.moud-decision-due"));
        AssertRuleShown(due, "treatment.moud-decision-due", "TIP) 63");
        Assert.Contains("since enrolment", due.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("every 90 days (software default, not a clinic decision; UNCONFIRMED)", due.GetProperty("threshold").GetString(), StringComparison.Ordinal);

        var declinedWithoutReason = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/treatment-discussions", new
        {
            occasion = "enrolment", discussedOn = D(today), optionsDiscussed = new[] { "buprenorphine", "methadone", "naltrexone-xr" }, decision = "declined",
        });
        var problem = await declinedWithoutReason.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("reason", problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var referralHalf = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/treatment-discussions", new
        {
            occasion = "enrolment", discussedOn = D(today), optionsDiscussed = new[] { "kratom" }, decision = "accepted", chosenOption = "methadone",
            referredTo = "County opioid treatment programme",
        });
        var errors = (await referralHalf.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("optionsDiscussed", out _));
        Assert.True(errors.TryGetProperty("referredOn", out _));

        var recorded = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/treatment-discussions", new
        {
            occasion = "enrolment", discussedOn = D(today), optionsDiscussed = new[] { "buprenorphine", "methadone", "naltrexone-xr" }, decision = "accepted",
            chosenOption = "methadone", referredTo = "County opioid treatment programme", referredOn = D(today),
        });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        Assert.Equal("resolved", Assert.Single(await AlertTestData.AlertsAsync(clinician, patientId, "treatment.moud-decision-due")).GetProperty("status").GetString());

        var discussion = (await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/treatment")).GetProperty("discussions")[0];
        Assert.Equal("methadone", discussion.GetProperty("chosenOption").GetString());
        Assert.Equal("County opioid treatment programme", discussion.GetProperty("referredTo").GetString());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Follow_up_after_the_taper_shows_the_schedule_and_retention_and_a_missed_contact_warns(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var patientId = await EnrolLivingInAsync(clinician, "US-TN");
        var today = await ClinicTodayAsync(clinician, patientId);
        var zero = today.AddDays(-11); // contact 1 (day 3) made; contact 2 (day 7, counted to day 10) missed
        await RegimenAsync(clinician, patientId, zero.AddDays(-1), taper: new
        {
            entries = new[] { new { startsOn = D(zero.AddDays(-1)), gramsPerDay = 1m }, new { startsOn = D(zero), gramsPerDay = 0m } },
        });
        Assert.Equal(HttpStatusCode.Created, (await clinician.PostAsJsonAsync($"/api/patients/{patientId}/follow-up-contacts",
            new { on = D(zero.AddDays(3)), made = true, mode = "phone" })).StatusCode);
        var bad = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/follow-up-contacts", new { on = D(today), mode = "pigeon" });
        var errors = (await bad.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("made", out _));
        Assert.True(errors.TryGetProperty("mode", out _));

        await SweepAsync(server);

        var plan = (await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/treatment")).GetProperty("followUp");
        Assert.Equal(D(zero), plan.GetProperty("taperEndedOn").GetString());
        var retention = plan.GetProperty("retention");
        Assert.Equal((2, 1, 1), (retention.GetProperty("due").GetInt32(), retention.GetProperty("made").GetInt32(), retention.GetProperty("missed").GetInt32()));
        // Contact 1 had no contact when the regimen was saved (raised then); the late phone call in its window cleared it.
        var alerts = await AlertTestData.AlertsAsync(clinician, patientId, "treatment.follow-up-missed", status: "open");
        var missed = Assert.Single(alerts);
        AssertRuleShown(missed, "treatment.follow-up-missed", "Contacts after the taper reaches zero");
        Assert.Contains("(due " + D(zero.AddDays(7)) + ")", missed.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Another_clinics_patient_is_404_for_every_treatment_route(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var patientId = await PatientTestData.EnrolAsync(clinician, "Treatown");
        var other = await OtherClinic.ClinicianAsync(server);

        await (await other.GetAsync($"/api/patients/{patientId}/treatment")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync($"/api/patients/{patientId}/overdose-prevention", new { kind = "naloxone-supplied", on = "2026-01-01" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync($"/api/patients/{patientId}/treatment-discussions", new { })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync($"/api/patients/{patientId}/follow-up-contacts", new { })).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
