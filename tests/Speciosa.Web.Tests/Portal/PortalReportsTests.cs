using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Speciosa.Web.Portal;
using Xunit;

namespace Speciosa.Web.Tests.Portal;

/// <summary>Issue 14 items 3, 4, 7 and the "another patient" rule: a patient reports doses from their own order (never a recalled
/// lot) and side effects (adverse-event drafts; a liver symptom raises the liver-panel alert); staff review everything patients
/// reported in one queue per clinic; the patient sees their own progress in plain words; and nothing of another patient is
/// reachable (404).</summary>
public sealed class PortalReportsTests(DemoServers servers) : IClassFixture<DemoServers>
{
    /// <summary>A product with two released lots (clean certificates), a patient with a portal account on an "any released lot"
    /// order of it, and the lots' codes.</summary>
    private static async Task<(Guid PatientId, HttpClient Patient, HttpClient Quality, Guid LotA, string CodeA, Guid LotB, string CodeB)> PatientOnTwoLotsAsync(
        SpeciosaServer server, HttpClient clinician)
    {
        var quality = await server.SignedInClientAsync("demo.quality");
        var (productId, lotA, codeA) = await ProductTestData.NewLotAsync(quality);
        var codeB = "T-" + Guid.NewGuid().ToString("N")[..10];
        var second = await quality.PostAsJsonAsync($"/api/products/{productId}/lots", new
        {
            lotCode = codeB, supplyChain = new[] { new { role = "Origin", country = "Indonesia", region = "Example region" } },
        });
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var lotB = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        foreach (var lot in new[] { lotA, lotB })
        {
            Assert.Equal(HttpStatusCode.Created, (await quality.PostAsJsonAsync($"/api/lots/{lot}/certificates",
                new { labName = "Test Lab", reportedOn = "2026-10-01", results = ProductTestData.CleanResults() })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await quality.PostAsJsonAsync($"/api/lots/{lot}/release",
                new { reason = "ok", concurrencyStamp = await ProductTestData.LotStampAsync(quality, lot) })).StatusCode);
        }

        var (patientId, patient) = await RegimenTestData.PatientWithPortalAsync(server, clinician);
        var order = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/regimens", RegimenTestData.Order(productId, null, confirm: true));
        Assert.Equal(HttpStatusCode.Created, order.StatusCode);
        return (patientId, patient, quality, lotA, codeA, lotB, codeB);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_patient_reports_doses_from_their_own_order_or_I_dont_know_and_a_recalled_lot_is_neither_offered_nor_accepted(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (patientId, patient, quality, lotA, codeA, lotB, codeB) = await PatientOnTwoLotsAsync(server, clinician);
        var offered = await patient.GetFromJsonAsync<JsonElement>("/api/portal/lots");
        Assert.Equal(new[] { lotA, lotB }.Order(), offered.EnumerateArray().Select(l => l.GetProperty("id").GetGuid()).Order());

        Assert.Equal(HttpStatusCode.OK, (await quality.PostAsJsonAsync($"/api/lots/{lotB}/recall",
            new { reason = "Vendor recall notice (test)", concurrencyStamp = await ProductTestData.LotStampAsync(quality, lotB) })).StatusCode);
        offered = await patient.GetFromJsonAsync<JsonElement>("/api/portal/lots");
        Assert.Equal(lotA, Assert.Single(offered.EnumerateArray()).GetProperty("id").GetGuid());
        var refused = await patient.PostAsJsonAsync("/api/portal/doses", new { grams = 2m, lotId = lotB });
        Assert.Contains("Choose a lot from the list", (await refused.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("lotId")[0].GetString(), StringComparison.Ordinal);
        var demoRecalled = await ProductTestData.DemoLotIdAsync(clinician, Speciosa.Web.Demo.DemoProducts.RecalledLot);
        await (await patient.PostAsJsonAsync("/api/portal/doses", new { grams = 2m, lotId = demoRecalled })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var noGrams = await patient.PostAsJsonAsync("/api/portal/doses", new { lotId = lotA });
        Assert.True((await noGrams.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("grams", out _));

        var versionBefore = await server.QueryAsync(db => db.Regimens.Where(r => r.PatientId == patientId).Select(r => r.CurrentVersion).SingleAsync());
        Assert.Equal(HttpStatusCode.Created, (await patient.PostAsJsonAsync("/api/portal/doses", new { grams = 2m, lotId = lotA })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await patient.PostAsJsonAsync("/api/portal/doses", new { grams = 1.5m, lotId = (Guid?)null })).StatusCode);
        var stored = await server.QueryAsync(db => db.Doses.Where(d => d.PatientId == patientId).Select(d => new { d.Source, d.LotId, d.Grams }).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.All(stored, d => Assert.Equal("PatientReported", d.Source));
        Assert.Contains(stored, d => d.LotId == null && d.Grams == 1.5m);
        // Reporting changes nothing in the order.
        Assert.Equal(versionBefore, await server.QueryAsync(db => db.Regimens.Where(r => r.PatientId == patientId).Select(r => r.CurrentVersion).SingleAsync()));

        // The patient's dose pages (the portal's and Regimens' own) list only the order's released lot.
        foreach (var page in new[] { "/my/doses", $"/patients/{patientId}/doses/new" })
        {
            var html = await patient.GetStringAsync(page);
            Assert.Contains(codeA, html, StringComparison.Ordinal);
            Assert.DoesNotContain(codeB, html, StringComparison.Ordinal);
            Assert.DoesNotContain(Speciosa.Web.Demo.DemoProducts.RecalledLot, html, StringComparison.Ordinal);
            Assert.Contains("I don't know", html, StringComparison.Ordinal);
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_side_effect_becomes_an_adverse_event_draft_and_yellow_skin_raises_the_liver_panel_alert_with_rule_inputs_threshold_and_source(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (patientId, patient) = await RegimenTestData.PatientWithPortalAsync(server, clinician);
        var today = ClinicToday();

        var missing = await patient.PostAsJsonAsync("/api/portal/side-effects", new { sideEffect = "other", severity = "bad", started = today });
        var errors = (await missing.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("otherText", out _));
        Assert.True(errors.TryGetProperty("severity", out _));

        var nausea = await patient.PostAsJsonAsync("/api/portal/side-effects", new { sideEffect = "nausea", severity = "mild", started = today, notes = "after breakfast" });
        Assert.Equal(HttpStatusCode.Created, nausea.StatusCode);
        Assert.False((await nausea.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("callClinicToday").GetBoolean());
        var yellow = await patient.PostAsJsonAsync("/api/portal/side-effects", new { sideEffect = "yellow", severity = "moderate", started = today });
        Assert.Equal(HttpStatusCode.Created, yellow.StatusCode);
        var told = await yellow.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(told.GetProperty("callClinicToday").GetBoolean());
        var words = told.GetRawText();
        foreach (var hidden in new[] { "rule", "LOCAL-", "threshold", "alert", "grade" })
        {
            Assert.DoesNotContain(hidden, words, StringComparison.OrdinalIgnoreCase);
        }

        var events = await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/adverse-events");
        var drafts = events.EnumerateArray().ToList();
        Assert.Equal(2, drafts.Count);
        Assert.All(drafts, e =>
        {
            Assert.True(e.GetProperty("draft").GetBoolean());
            Assert.True(e.GetProperty("patientReported").GetBoolean());
            Assert.Equal("not-assessed", e.GetProperty("relatedness").GetString());
        });
        Assert.Contains(drafts, e => e.GetProperty("termId").GetString() == "jaundice" && e.GetProperty("grade").GetInt32() == 2);
        Assert.Contains(drafts, e => e.GetProperty("termId").GetString() == "nausea" && e.GetProperty("description").GetString()!.Contains("after breakfast", StringComparison.Ordinal));

        var alerts = await server.QueryAsync(db => db.Alerts.Where(a => a.PatientId == patientId).ToListAsync());
        var liver = Assert.Single(alerts);
        Assert.Equal("safety.liver-symptom-panel-now", liver.RuleId);
        Assert.Contains("Jaundice", liver.InputsJson, StringComparison.Ordinal);
        Assert.Contains("not assessed", liver.InputsJson, StringComparison.Ordinal);
        Assert.Contains("jaundice, dark urine, itching", liver.Threshold, StringComparison.Ordinal);
        Assert.Contains("Signs that call for a liver panel now", liver.SourceCitation, StringComparison.Ordinal);

        var page = WebUtility.HtmlDecode(await clinician.GetStringAsync($"/patients/{patientId}/adverse-events"));
        Assert.Contains("Draft from the patient's report, not yet assessed", page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_review_queue_lists_what_patients_reported_newest_first_and_keeps_who_when_and_the_note_refusing_a_stale_stamp(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var nurse = await server.SignedInClientAsync("demo.nurse");
        var (patientId, patient, _, lotA, _, _, _) = await PatientOnTwoLotsAsync(server, clinician);
        Assert.Equal(HttpStatusCode.Created, (await patient.PostAsJsonAsync($"/api/patients/{patientId}/assessments",
            new { instrumentId = "craving-vas", answers = new Dictionary<int, int> { [1] = 40 }, assessedAt = DateTimeOffset.UtcNow.AddMinutes(-1) })).StatusCode);
        await Task.Delay(20);
        Assert.Equal(HttpStatusCode.Created, (await patient.PostAsJsonAsync("/api/portal/doses", new { grams = 2m, lotId = lotA })).StatusCode);
        await Task.Delay(20);
        Assert.Equal(HttpStatusCode.Created, (await patient.PostAsJsonAsync("/api/portal/side-effects",
            new { sideEffect = "constipation", severity = "mild", started = ClinicToday() })).StatusCode);

        var queue = await nurse.GetFromJsonAsync<JsonElement>($"/api/review-queue?patientId={patientId}");
        Assert.Equal(3, queue.GetProperty("total").GetInt32());
        var items = queue.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(new[] { "side-effect", "dose", "check-in" }, items.Select(i => i.GetProperty("kind").GetString()!).ToArray());
        Assert.All(items, i => Assert.Equal("awaiting", i.GetProperty("state").GetString()));
        var paged = await nurse.GetFromJsonAsync<JsonElement>($"/api/review-queue?patientId={patientId}&page=2&pageSize=1");
        Assert.Equal("dose", Assert.Single(paged.GetProperty("items").EnumerateArray()).GetProperty("kind").GetString());
        await (await nurse.GetAsync("/api/review-queue?pageSize=101")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await nurse.GetAsync("/api/review-queue?state=maybe")).AssertProblemAsync(HttpStatusCode.BadRequest);

        var dose = items[1].GetProperty("itemId").GetGuid();
        var noNote = await nurse.PostAsJsonAsync($"/api/review-queue/dose/{dose}", new { action = "contact" });
        Assert.True((await noNote.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("note", out _));
        var commented = await nurse.PostAsJsonAsync($"/api/review-queue/dose/{dose}", new { action = "comment", note = "Lot matches the order." });
        var comment = await commented.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("commented", comment.GetProperty("state").GetString());
        Assert.Equal("demo.nurse", comment.GetProperty("reviewedBy").GetString());
        // A second reader still holding "no review yet" is refused: the stamp changed.
        await (await clinician.PostAsJsonAsync($"/api/review-queue/dose/{dose}", new { action = "accept" })).AssertProblemAsync(HttpStatusCode.Conflict);
        var accepted = await clinician.PostAsJsonAsync($"/api/review-queue/dose/{dose}",
            new { action = "accept", concurrencyStamp = comment.GetProperty("concurrencyStamp").GetGuid() });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var sideEffect = items[0].GetProperty("itemId").GetGuid();
        var contact = await clinician.PostAsJsonAsync($"/api/review-queue/side-effect/{sideEffect}", new { action = "contact", note = "Call about constipation today." });
        Assert.Equal("contact-patient", (await contact.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());

        var awaiting = await nurse.GetFromJsonAsync<JsonElement>($"/api/review-queue?patientId={patientId}");
        Assert.Equal("check-in", Assert.Single(awaiting.GetProperty("items").EnumerateArray()).GetProperty("kind").GetString());
        var reviewed = await nurse.GetFromJsonAsync<JsonElement>($"/api/review-queue?patientId={patientId}&state=reviewed");
        Assert.Equal(2, reviewed.GetProperty("total").GetInt32());
        var stored = await server.QueryAsync(db => db.PatientReportReviews.AsNoTracking().SingleAsync(r => r.ItemId == dose));
        Assert.Equal("accepted", stored.State);
        Assert.True(stored.ReviewedAt > DateTimeOffset.UtcNow.AddMinutes(-5));
        var audited = await server.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "portal.review" && a.PatientId == patientId));
        Assert.Equal(3, audited);
        await (await clinician.PostAsJsonAsync($"/api/review-queue/unknown/{dose}", new { action = "accept" })).AssertProblemAsync(HttpStatusCode.NotFound);

        // Another clinic's staff see none of it.
        var other = await OtherClinic.ClinicianAsync(server);
        await (await other.GetAsync($"/api/review-queue?patientId={patientId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync($"/api/review-queue/check-in/{items[2].GetProperty("itemId").GetGuid()}", new { action = "accept" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        var theirs = await other.GetFromJsonAsync<JsonElement>("/api/review-queue?state=all");
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), i => i.GetProperty("patientId").GetGuid() == patientId);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task My_progress_shows_the_patients_scores_and_reported_doses_in_plain_words_without_limits_rules_or_sources(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (patientId, patient, _, lotA, codeA, _, _) = await PatientOnTwoLotsAsync(server, clinician);
        var sows = Enumerable.Range(1, 16).ToDictionary(n => n, n => n <= 3 ? 2 : 0);
        Assert.Equal(HttpStatusCode.Created, (await patient.PostAsJsonAsync($"/api/patients/{patientId}/assessments", new { instrumentId = "sows-handelsman", answers = sows, assessedAt = DateTimeOffset.UtcNow.AddMinutes(-1) })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await patient.PostAsJsonAsync("/api/portal/doses", new { grams = 1.25m, lotId = lotA })).StatusCode);

        var view = await patient.GetFromJsonAsync<JsonElement>("/api/portal/progress");
        Assert.Equal(6, Assert.Single(view.GetProperty("scores").EnumerateArray()).GetProperty("score").GetInt32());
        Assert.Equal(1.25m, Assert.Single(view.GetProperty("doses").EnumerateArray()).GetProperty("grams").GetDecimal());

        var html = await patient.GetStringAsync("/my/progress");
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("id=\"scores-table\"", html, StringComparison.Ordinal);
        Assert.Contains(codeA, html, StringComparison.Ordinal);
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..];
        foreach (var hidden in new[] { "MME", "threshold", "limit", "rule", "source", "version", "KS-S", "LOCAL-", "Legal", "6 g" })
        {
            Assert.DoesNotContain(hidden, main, StringComparison.OrdinalIgnoreCase);
        }

        // Staff have no "my progress": it is the patient's own page.
        await (await clinician.GetAsync("/api/portal/progress")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_patient_never_reaches_another_patients_reports_by_url_or_api(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (ownId, own, _, lotA, _, _, _) = await PatientOnTwoLotsAsync(server, clinician);
        var (otherId, other) = await RegimenTestData.PatientWithPortalAsync(server, clinician);
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync("/api/portal/doses", new { grams = 3m })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync("/api/portal/side-effects",
            new { sideEffect = "dizziness", severity = "mild", started = ClinicToday() })).StatusCode);
        var otherDose = await server.QueryAsync(db => db.Doses.Where(d => d.PatientId == otherId).Select(d => d.Id).SingleAsync());
        var otherEvent = await server.QueryAsync(db => db.AdverseEvents.Where(e => e.PatientId == otherId).Select(e => e.Id).SingleAsync());

        foreach (var url in new[]
        {
            $"/patients/{otherId}/doses/new", $"/api/patients/{otherId}/doses", $"/api/patients/{otherId}/adverse-events",
            $"/patients/{otherId}/adverse-events", $"/api/patients/{otherId}/adverse-events/{otherEvent}/medwatch", $"/patients/{otherId}",
        })
        {
            var response = await own.GetAsync(url);
            // 404 where the patient may open such a page for their own record; a staff-only page sends them to "denied" first.
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Found && response.Headers.Location!.OriginalString.Contains("denied", StringComparison.OrdinalIgnoreCase)),
                $"{url}: {response.StatusCode} {response.Headers.Location}");
            Assert.DoesNotContain("dizziness", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        // The review queue is staff-only; a patient cannot list or decide anything in it: another patient named in the query, or an
        // item's id, is "not found" to them (issue 14), and without either the queue is refused.
        Assert.Equal(HttpStatusCode.NotFound, (await own.GetAsync($"/api/review-queue?patientId={otherId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await own.GetAsync("/api/review-queue")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await own.PostAsJsonAsync($"/api/review-queue/dose/{otherDose}", new { action = "accept" })).StatusCode);
        // A patient's own pages and API answer about their own record only.
        var progress = await own.GetFromJsonAsync<JsonElement>("/api/portal/progress");
        Assert.Empty(progress.GetProperty("doses").EnumerateArray());
        // A staff-only account (no record of its own) has no "my" pages.
        await (await clinician.PostAsJsonAsync("/api/portal/doses", new { grams = 1m, lotId = lotA })).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await server.QueryAsync(db => db.Doses.CountAsync(d => d.PatientId == ownId)));
    }

    // The demo clinic's day (New York): from UTC midnight to 05:00 the UTC date is still in the clinic's future.
    private static string ClinicToday() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).DateTime)
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
