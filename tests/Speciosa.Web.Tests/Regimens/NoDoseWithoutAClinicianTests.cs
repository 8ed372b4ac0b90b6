using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Testing;
using Speciosa.Web.Alerts;
using Xunit;
using static Speciosa.Testing.RegimenTestData;

namespace Speciosa.Web.Tests.Regimens;

/// <summary>Issue 12 part 1, "no dose that a clinician did not set": titration steps wait for a clinician and count no
/// patient-reported score (E2), the taper generator has no defaults (E6), orders need their own administrations a day
/// (E24), and an order above the grams its lot was judged at is re-judged (E12).</summary>
public sealed class NoDoseWithoutAClinicianTests(DemoServers servers) : IClassFixture<DemoServers>
{
    /// <summary>All 16 SOWS (Handelsman) items at 4: 64, far above any hold threshold.</summary>
    private static readonly Dictionary<int, int> HighSows = Enumerable.Range(1, 16).ToDictionary(n => n, _ => 4);

    private static object Sows(DateTimeOffset at) => new { instrumentId = "sows-handelsman", answers = HighSows, assessedAt = at };

    private static async Task<(Guid PatientId, HttpClient Patient, Guid RegimenId, Guid LotId)> TitratedAsync(SpeciosaServer server, HttpClient clinician)
    {
        var (productId, lotId) = await LeafLotAsync(clinician);
        var (patientId, patient) = await PatientWithPortalAsync(server, clinician);
        var created = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/regimens", new
        {
            productId, lotId, gramsPerAdministration = 2m, maxAdministrationsPerDay = 3, maxGramsPerDay = 7.5m,
            startDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2).ToString("yyyy-MM-dd"), reason = "Titrate on withdrawal",
            titration = new { steps = new[] { new { gramsPerAdministration = 2.5m, daysAfterPreviousStep = 1, holdScale = "sows", holdComparison = "ge", holdThreshold = 10 } } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (patientId, patient, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), lotId);
    }

    private static async Task SweepAsync(SpeciosaServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SafetySweep>().RunAsync(CancellationToken.None);
    }

    private static async Task<JsonElement> RegimenAsync(HttpClient client, Guid patientId, Guid regimenId) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/regimens/{regimenId}");

    private static async Task<bool> StepDueAlertOpenAsync(HttpClient clinician, Guid patientId) =>
        (await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/alerts?status=open")).EnumerateArray()
            .Any(a => a.GetProperty("ruleId").GetString() == "dosing.titration-step-due");

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_patient_reported_sows_never_advances_a_titration_step_and_a_clinician_confirmation_does(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var (patientId, patient, regimenId, lotId) = await TitratedAsync(server, clinician);

        // The patient reports a SOWS of 64 against a hold of "SOWS ≥ 10": nothing moves, and nothing prompts.
        Assert.Equal(HttpStatusCode.Created, (await patient.PostAsJsonAsync($"/api/patients/{patientId}/assessments", Sows(DateTimeOffset.UtcNow.AddMinutes(-30)))).StatusCode);
        await SweepAsync(server);
        var afterOwnReport = await RegimenAsync(clinician, patientId, regimenId);
        Assert.Equal(0, afterOwnReport.GetProperty("titration").GetProperty("currentStep").GetInt32());
        Assert.False(afterOwnReport.GetProperty("titration").GetProperty("nextAwaitingDecision").GetBoolean());
        Assert.Equal(2m, afterOwnReport.GetProperty("todayLimits").GetProperty("gramsPerAdministration").GetDecimal());
        Assert.False(await StepDueAlertOpenAsync(clinician, patientId));
        await (await nurse.PostAsJsonAsync($"/api/patients/{patientId}/doses", new { grams = 2.5m, lotId })).AssertProblemAsync(HttpStatusCode.Conflict);

        // The patient never sees the threshold that would unlock the step, in the API or on the page.
        var own = await RegimenAsync(patient, patientId, regimenId);
        Assert.Equal(JsonValueKind.Null, own.GetProperty("titration").GetProperty("nextHoldUntil").ValueKind);
        Assert.Equal(JsonValueKind.Null, own.GetProperty("current").GetProperty("titrationSteps")[0].GetProperty("holdThreshold").ValueKind);
        var page = WebUtility.HtmlDecode(await patient.GetStringAsync($"/patients/{patientId}/regimen"));
        Assert.DoesNotContain("SOWS ≥ 10", page, StringComparison.Ordinal);
        Assert.DoesNotContain("held until", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("It starts only when your clinician confirms it.", page, StringComparison.Ordinal);

        // A staff-rated SOWS meets the hold: the step is due and prompts, but still does not start by itself.
        Assert.Equal(HttpStatusCode.Created, (await nurse.PostAsJsonAsync($"/api/patients/{patientId}/assessments", Sows(DateTimeOffset.UtcNow.AddMinutes(-10)))).StatusCode);
        await SweepAsync(server);
        var due = await RegimenAsync(clinician, patientId, regimenId);
        Assert.True(due.GetProperty("titration").GetProperty("nextAwaitingDecision").GetBoolean());
        var evidence = Assert.Single(due.GetProperty("titration").GetProperty("nextEvidence").EnumerateArray());
        Assert.Equal("Staff", evidence.GetProperty("ratedBy").GetString());
        Assert.Equal(64, evidence.GetProperty("total").GetInt32());
        Assert.Equal(2m, due.GetProperty("todayLimits").GetProperty("gramsPerAdministration").GetDecimal());
        Assert.True(await StepDueAlertOpenAsync(clinician, patientId));
        var overview = WebUtility.HtmlDecode(await clinician.GetStringAsync($"/patients/{patientId}"));
        Assert.Contains("Titration step due:", overview, StringComparison.Ordinal);
        Assert.Contains("is due and waits for a clinician to confirm or decline it", overview, StringComparison.Ordinal); // the open alert

        // The clinician confirms: the step applies from today, the decision is recorded, the prompt is resolved.
        var confirmed = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/regimens/{regimenId}/titration/decisions", new { stepNumber = 1, decision = "confirm" });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var view = await confirmed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, view.GetProperty("titration").GetProperty("currentStep").GetInt32());
        Assert.Equal(2.5m, view.GetProperty("todayLimits").GetProperty("gramsPerAdministration").GetDecimal());
        var decision = Assert.Single(view.GetProperty("titration").GetProperty("decisions").EnumerateArray());
        Assert.True(decision.GetProperty("confirmed").GetBoolean());
        Assert.Contains("Clinician", decision.GetProperty("decidedByName").GetString(), StringComparison.Ordinal);
        Assert.Equal(64, Assert.Single(decision.GetProperty("readings").EnumerateArray()).GetProperty("total").GetInt32());
        Assert.False(await StepDueAlertOpenAsync(clinician, patientId));
        Assert.Equal(HttpStatusCode.Created, (await nurse.PostAsJsonAsync($"/api/patients/{patientId}/doses", new { grams = 2.5m, lotId })).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_decline_needs_a_reason_and_only_the_step_awaiting_a_decision_can_be_decided(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var (patientId, _, regimenId, _) = await TitratedAsync(server, clinician);
        var path = $"/api/patients/{patientId}/regimens/{regimenId}/titration/decisions";

        var notDue = await clinician.PostAsJsonAsync(path, new { stepNumber = 1, decision = "confirm" });
        await notDue.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Created, (await nurse.PostAsJsonAsync($"/api/patients/{patientId}/assessments", Sows(DateTimeOffset.UtcNow.AddMinutes(-10)))).StatusCode);
        var noReason = await clinician.PostAsJsonAsync(path, new { stepNumber = 1, decision = "decline" });
        Assert.True((await noReason.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _));
        await (await nurse.PostAsJsonAsync(path, new { stepNumber = 1, decision = "confirm" })).AssertProblemAsync(HttpStatusCode.Forbidden);

        var declined = await clinician.PostAsJsonAsync(path, new { stepNumber = 1, decision = "decline", reason = "Sedated on review" });

        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var view = await declined.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, view.GetProperty("titration").GetProperty("currentStep").GetInt32());
        Assert.False(view.GetProperty("titration").GetProperty("nextAwaitingDecision").GetBoolean());
        var decision = Assert.Single(view.GetProperty("titration").GetProperty("decisions").EnumerateArray());
        Assert.Equal("Sedated on review", decision.GetProperty("reason").GetString());
        Assert.False(decision.GetProperty("confirmed").GetBoolean());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_regimen_page_confirms_a_due_step_only_with_the_tick_then_redirects(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var (patientId, _, regimenId, _) = await TitratedAsync(server, clinician);
        Assert.Equal(HttpStatusCode.Created, (await nurse.PostAsJsonAsync($"/api/patients/{patientId}/assessments", Sows(DateTimeOffset.UtcNow.AddMinutes(-10)))).StatusCode);
        var path = $"/patients/{patientId}/regimen";
        var page = await clinician.GetStringAsync(path);
        Assert.Contains("Step due: a clinician confirms or declines it.", WebUtility.HtmlDecode(page), StringComparison.Ordinal);

        var untick = await clinician.PostFormAsync(path, "titration", [new("Step.StepNumber", "1"), new("Step.Action", "confirm")], page);

        Assert.Equal(HttpStatusCode.BadRequest, untick.StatusCode);
        Assert.Contains("id=\"confirmTick-problem\"", await untick.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await server.QueryAsync(db => db.TitrationDecisions.CountAsync(d => d.RegimenId == regimenId)));

        var ticked = await clinician.PostFormAsync(path, "titration",
            [new("Step.StepNumber", "1"), new("Step.Action", "confirm"), new("Step.ConfirmTick", "true")], page);

        Assert.Equal(HttpStatusCode.Redirect, ticked.StatusCode);
        Assert.EndsWith("?decided=confirmed", ticked.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, await server.QueryAsync(db => db.TitrationDecisions.CountAsync(d => d.RegimenId == regimenId && d.Confirmed)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_regimen_page_declines_a_due_step_only_with_a_reason_kept_beside_it(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var (patientId, _, regimenId, _) = await TitratedAsync(server, clinician);
        Assert.Equal(HttpStatusCode.Created, (await nurse.PostAsJsonAsync($"/api/patients/{patientId}/assessments", Sows(DateTimeOffset.UtcNow.AddMinutes(-10)))).StatusCode);
        var path = $"/patients/{patientId}/regimen";
        var page = await clinician.GetStringAsync(path);

        var noReason = await clinician.PostFormAsync(path, "titration", [new("Step.StepNumber", "1"), new("Step.Action", "decline"), new("Step.Reason", " ")], page);

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Say why you decline the step", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var declined = await clinician.PostFormAsync(path, "titration",
            [new("Step.StepNumber", "1"), new("Step.Action", "decline"), new("Step.Reason", "Drowsy at review")], page);
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Equal("Drowsy at review", await server.QueryAsync(db => db.TitrationDecisions.Where(d => d.RegimenId == regimenId && !d.Confirmed).Select(d => d.Reason).SingleAsync()));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_taper_cannot_be_generated_or_saved_without_the_clinicians_own_numbers(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (productId, lotId) = await LeafLotAsync(clinician);
        var patientId = await EnrolLivingInAsync(clinician, "US-TN");
        var created = await (await clinician.PostAsJsonAsync($"/api/patients/{patientId}/regimens", Order(productId, lotId))).Content.ReadFromJsonAsync<JsonElement>();
        var regimenId = created.GetProperty("id").GetGuid();

        // The API defaults nothing: every missing choice is named.
        var empty = await (await clinician.PostAsJsonAsync("/api/taper-plans", new { })).AssertProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "method", "startDate", "startingGramsPerDay", "roundingStepGrams" })
        {
            Assert.True(empty.GetProperty("errors").TryGetProperty(field, out _), field);
        }

        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7).ToString("yyyy-MM-dd");
        var cdcWithoutDuration = await clinician.PostAsJsonAsync("/api/taper-plans", new { method = "Cdc2022TwoPhase", startDate = start, startingGramsPerDay = 6m, roundingStepGrams = 0.5m });
        Assert.True((await cdcWithoutDuration.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("useDuration", out _));

        // A calendar that claims to be generated must carry every setting it was generated from.
        var partial = await clinician.PutAsJsonAsync($"/api/patients/{patientId}/regimens/{regimenId}/taper", new
        {
            taper = new
            {
                entries = new[] { new { startsOn = start, gramsPerDay = 3m }, new { startsOn = DateOnly.Parse(start).AddDays(7).ToString("yyyy-MM-dd"), gramsPerDay = 0m } },
                generatedFrom = new { method = "PercentOfStartingDose", startDate = start, roundingStepGrams = 0.5m, weeklyReductionPercent = 50m },
            },
            reason = "Taper", concurrencyStamp = created.GetProperty("concurrencyStamp").GetGuid(),
        });
        var problem = await partial.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("taper.generatedFrom.startingGramsPerDay", out _));
        Assert.Equal(1, await server.QueryAsync(db => db.RegimenVersions.CountAsync(v => v.RegimenId == regimenId)));

        // The page opens empty, shows the actual intake as information only, and refuses to generate from nothing.
        var path = $"/patients/{patientId}/regimen/taper";
        var page = await clinician.GetStringAsync(path);
        var fields = HtmlForm.FieldsOf(page, "taper-generate");
        foreach (var name in new[] { "Gen.Method", "Gen.StartDate", "Gen.StartingGramsPerDay", "Gen.RoundingStepGrams", "Gen.WeeklyReductionPercent", "Gen.UseDuration" })
        {
            Assert.True(string.IsNullOrEmpty(fields.GetValueOrDefault(name)), $"{name} = {fields.GetValueOrDefault(name)}");
        }

        Assert.Contains("Actual intake, last 14 days (information only)", page, StringComparison.Ordinal);
        var response = await clinician.PostFormAsync(path, "taper-generate", fields, page);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"method-problem\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"startingGramsPerDay-problem\"", html, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_order_without_its_own_administrations_a_day_is_refused(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (productId, lotId) = await LeafLotAsync(clinician);
        var patientId = await EnrolLivingInAsync(clinician, "US-TN");

        var response = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/regimens", new
        {
            productId, lotId, gramsPerAdministration = 2m, maxGramsPerDay = 6m,
            startDate = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"), reason = "Starting order",
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("no default", problem.GetProperty("errors").GetProperty("maxAdministrationsPerDay")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_20_g_a_day_order_on_a_lot_judged_at_15_g_a_day_is_re_judged_and_refused_naming_the_judged_grams(Database database)
    {
        var server = await servers.On(database);
        var quality = await server.SignedInClientAsync("demo.quality");
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (productId, lotId, _) = await ProductTestData.NewLotAsync(quality);
        // Lead 0.3 µg/g: 4.5 µg a day at 15 g passes the USP <2232> PDE of 5 µg; 6 µg a day at 20 g does not.
        var results = ProductTestData.CleanResults().Select(r => JsonSerializer.SerializeToElement(r)).Select(r =>
            r.GetProperty("analyte").GetString() == "lead" ? JsonSerializer.SerializeToElement(new { analyte = "lead", value = 0.3m, unit = "µg/g" }) : r).ToArray();
        Assert.Equal(HttpStatusCode.Created, (await quality.PostAsJsonAsync($"/api/lots/{lotId}/certificates", new { labName = "Test Lab", reportedOn = "2026-10-01", results })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await quality.PostAsJsonAsync($"/api/lots/{lotId}/release", new { reason = "ok", concurrencyStamp = await ProductTestData.LotStampAsync(quality, lotId) })).StatusCode);
        var patientId = await EnrolLivingInAsync(clinician, "US-TN");

        var twenty = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/regimens", Order(productId, lotId, grams: 5m, maxPerDay: 20m, administrations: 4));
        var anyLot = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/regimens", Order(productId, null, grams: 5m, maxPerDay: 20m, administrations: 4));
        var fifteen = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/regimens", Order(productId, lotId, grams: 5m, maxPerDay: 15m, administrations: 3));

        var message = (await twenty.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("maxGramsPerDay")[0].GetString()!;
        Assert.Contains("judged for daily exposure (USP <2232>) at 15 g a day", message, StringComparison.Ordinal);
        Assert.Contains("lead", message, StringComparison.Ordinal);
        Assert.Contains("at 15 g a day", (await anyLot.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("maxGramsPerDay")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, fifteen.StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_order_above_the_judged_grams_on_a_lot_that_still_passes_when_re_judged_is_saved(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (productId, lotId) = await LeafLotAsync(clinician); // lead 0.1 µg/g: 2 µg a day at 20 g
        var patientId = await EnrolLivingInAsync(clinician, "US-TN");

        var response = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/regimens", Order(productId, lotId, grams: 5m, maxPerDay: 20m, administrations: 4));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public void A_cdc_calendar_generated_before_the_duration_of_use_was_asked_is_shown_without_its_incomplete_settings_so_it_can_be_amended()
    {
        var start = new DateOnly(2026, 3, 2);
        var legacy = new Speciosa.Clinical.Regimens.TaperCalendar([new(start, 1m, "CDC phase 1"), new(start.AddDays(7), 0m)])
        {
            GeneratedFrom = new Speciosa.Clinical.Regimens.TaperSettings(Speciosa.Clinical.Regimens.TaperMethod.Cdc2022TwoPhase, start, 2m, 0.5m),
        };

        var dto = RegimenService.TaperDtoOf(legacy);

        Assert.Null(dto.GeneratedFrom);
        Assert.Equal(2, dto.Entries!.Count);
        var errors = new Dictionary<string, string[]>();
        Assert.NotNull(RegimenRequestReader.ReadTaper(dto, errors, "taper"));
        Assert.Empty(errors);
    }
}
