using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Speciosa.Testing;
using Speciosa.Web.Http;
using Xunit;

namespace Speciosa.Web.Tests.Liver;

public sealed class LiverAlertTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_panel_meeting_hys_law_raises_exactly_one_critical_alert_with_its_evidence(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Hyslaw");
        var at = DateTimeOffset.UtcNow.AddHours(-2);

        var response = await client.PostAsJsonAsync($"/api/patients/{id}/labs", LiverTestData.HysLawPanel(at));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var hys = Assert.Single(await AlertTestData.AlertsAsync(client, id, rule: "liver.potential-hys-law"));
        Assert.Equal("Critical", hys.GetProperty("severity").GetString());
        Assert.Equal(1, hys.GetProperty("ruleVersion").GetInt32());
        Assert.Contains("ALT or AST ≥ 3 × ULN", hys.GetProperty("threshold").GetString(), StringComparison.Ordinal);
        Assert.Contains("FDA", hys.GetProperty("sourceCitation").GetString(), StringComparison.Ordinal);
        var inputs = hys.GetProperty("inputs").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!, i => i.GetProperty("value").GetString());
        Assert.Equal("5 × ULN", inputs["Peak ALT"]);
        Assert.Equal("2.5 × ULN", inputs["Peak total bilirubin"]);
        Assert.Single(await AlertTestData.AlertsAsync(client, id, rule: "liver.dili-criteria-met"));
        Assert.Single(await AlertTestData.AlertsAsync(client, id), a => a.GetProperty("severity").GetString() == "Critical");

        // The same panel again (e.g. a re-sent message) is skipped and raises nothing new.
        var again = await (await client.PostAsJsonAsync($"/api/patients/{id}/labs", LiverTestData.HysLawPanel(at))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, again.GetProperty("unchanged").GetInt32());
        Assert.Single(await AlertTestData.AlertsAsync(client, id, rule: "liver.potential-hys-law"));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_acknowledged_alert_names_who_and_is_not_raised_again_and_clears_by_itself_when_the_condition_goes(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Lifecycle");
        var at = DateTimeOffset.UtcNow.AddDays(-2);
        await client.PostAsJsonAsync($"/api/patients/{id}/labs", LiverTestData.HysLawPanel(at));
        var alert = Assert.Single(await AlertTestData.AlertsAsync(client, id, rule: "liver.potential-hys-law"));
        var alertId = alert.GetProperty("id").GetGuid();

        var noNote = await client.PostAsJsonAsync($"/api/alerts/{alertId}/acknowledge", new { note = " " });
        await noNote.AssertProblemAsync(HttpStatusCode.BadRequest);

        var unstamped = await client.PostAsJsonAsync($"/api/alerts/{alertId}/acknowledge", new { note = "Called patient; repeat LFTs tomorrow." });
        Assert.Equal(ProblemTypes.StaleWrite, (await unstamped.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("type").GetString());

        var ack = await client.PostAsJsonAsync($"/api/alerts/{alertId}/acknowledge",
            new { note = "Called patient; repeat LFTs tomorrow.", concurrencyStamp = alert.GetProperty("concurrencyStamp").GetGuid() });
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var acked = await ack.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("acknowledged", acked.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(acked.GetProperty("acknowledgedBy").GetString()));
        Assert.Equal("Called patient; repeat LFTs tomorrow.", acked.GetProperty("acknowledgementNote").GetString());

        var stale = await client.PostAsJsonAsync($"/api/alerts/{alertId}/acknowledge",
            new { note = "again", concurrencyStamp = alert.GetProperty("concurrencyStamp").GetGuid() });
        Assert.Equal(ProblemTypes.StaleWrite, (await stale.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("type").GetString());
        var twice = await client.PostAsJsonAsync($"/api/alerts/{alertId}/acknowledge",
            new { note = "again", concurrencyStamp = acked.GetProperty("concurrencyStamp").GetGuid() });
        await twice.AssertProblemAsync(HttpStatusCode.Conflict);

        // A later panel that still meets Hy's law on peaks: re-evaluation adds no duplicate while acknowledged.
        var later = at.AddDays(1);
        var more = await client.PostAsJsonAsync($"/api/patients/{id}/labs", new
        {
            results = new[] { new { test = "alt", value = 260m, unit = "U/L", upperLimitOfNormal = 40m, collectedAt = later } },
        });
        Assert.Equal(HttpStatusCode.Created, more.StatusCode);
        Assert.Single(await AlertTestData.AlertsAsync(client, id, rule: "liver.potential-hys-law"));

        // The bilirubin was entered in error: Hy's law no longer holds, the alert resolves automatically.
        var labs = await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/labs");
        var bilirubin = labs.EnumerateArray().Single(l => l.GetProperty("test").GetString() == "TotalBilirubin").GetProperty("id").GetGuid();
        var error = await client.PostAsJsonAsync($"/api/patients/{id}/labs/{bilirubin}/entered-in-error", new { reason = "Wrong patient's sample." });
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);

        var after = Assert.Single(await AlertTestData.AlertsAsync(client, id, rule: "liver.potential-hys-law"));
        Assert.Equal("resolved", after.GetProperty("status").GetString());
        Assert.True(after.GetProperty("resolvedAutomatically").GetBoolean());
        Assert.Contains("cleared", after.GetProperty("resolutionReason").GetString(), StringComparison.Ordinal);
        Assert.Empty(await AlertTestData.AlertsAsync(client, id, status: "open", rule: "liver.potential-hys-law"));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_clinician_resolves_an_alert_by_hand_with_a_reason_and_the_worklist_filters_by_severity_rule_and_patient(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Byhand");
        await client.PostAsJsonAsync($"/api/patients/{id}/labs", LiverTestData.HysLawPanel(DateTimeOffset.UtcNow.AddHours(-1)));

        var critical = await client.GetFromJsonAsync<JsonElement>($"/api/alerts?severity=Critical&patientId={id}");
        var item = Assert.Single(critical.GetProperty("items").EnumerateArray());
        Assert.Equal("liver.potential-hys-law", item.GetProperty("ruleId").GetString());
        Assert.Equal("Test Byhand", item.GetProperty("patientName").GetString());

        var noReason = await client.PostAsJsonAsync($"/api/alerts/{item.GetProperty("id").GetGuid()}/resolve", new { reason = "" });
        await noReason.AssertProblemAsync(HttpStatusCode.BadRequest);
        var resolved = await client.PostAsJsonAsync($"/api/alerts/{item.GetProperty("id").GetGuid()}/resolve",
            new { reason = "Known Gilbert's syndrome; hepatology reviewed.", concurrencyStamp = item.GetProperty("concurrencyStamp").GetGuid() });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var body = await resolved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("resolved", body.GetProperty("status").GetString());
        Assert.False(body.GetProperty("resolvedAutomatically").GetBoolean());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("resolvedBy").GetString()));

        var open = await client.GetFromJsonAsync<JsonElement>($"/api/alerts?severity=Critical&patientId={id}");
        Assert.Equal(0, open.GetProperty("total").GetInt32());
        var bad = await client.GetAsync("/api/alerts?severity=Severe&pageSize=1000");
        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("severity", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("pageSize", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Inr_2_with_alt_4_times_uln_raises_a_critical_alert_audit_E4(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Inrtwo");
        var at = DateTimeOffset.UtcNow.AddHours(-2);

        var response = await client.PostAsJsonAsync($"/api/patients/{id}/labs", new
        {
            results = new object[]
            {
                new { test = "alt", value = 160m, unit = "U/L", upperLimitOfNormal = 40m, collectedAt = at },
                new { test = "inr", value = 2.0m, unit = "{INR}", collectedAt = at },
            },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var alert = Assert.Single(await AlertTestData.AlertsAsync(client, id, rule: "liver.inr-with-aminotransferase-rise"));
        Assert.Equal("Critical", alert.GetProperty("severity").GetString());
        Assert.Contains("INR ≥ 1.5", alert.GetProperty("threshold").GetString(), StringComparison.Ordinal);
        var inputs = alert.GetProperty("inputs").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!, i => i.GetProperty("value").GetString());
        Assert.StartsWith("2", inputs["INR"], StringComparison.Ordinal);
        Assert.Equal("4 × ULN", inputs["ALT"]);
        // The same panel meets the FDA 2009 criterion "> 3 × ULN with INR > 1.5", and ALT > 3 × ULN asks for a repeat.
        Assert.Single(await AlertTestData.AlertsAsync(client, id, rule: "liver.fda-2009-stopping-criterion"));
        Assert.Single(await AlertTestData.AlertsAsync(client, id, rule: "liver.aminotransferase-above-3x-uln"));

        var liver = await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/liver");
        var criteria = liver.GetProperty("stoppingCriteria").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("met", criteria["above-3x-with-bilirubin-or-inr"]);
        Assert.Equal("notMet", criteria["above-8x"]);
        Assert.Equal("notComputable", criteria["above-3x-with-symptoms-or-eosinophilia"]);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Alt_3_5_times_uln_raises_the_repeat_within_48_to_72_hours_alert_and_a_later_normal_panel_clears_it(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Repeat");
        var at = DateTimeOffset.UtcNow.AddDays(-3);

        var response = await client.PostAsJsonAsync($"/api/patients/{id}/labs", new
        {
            results = new[] { new { test = "alt", value = 140m, unit = "U/L", upperLimitOfNormal = 40m, collectedAt = at } },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var alert = Assert.Single(await AlertTestData.AlertsAsync(client, id, rule: "liver.aminotransferase-above-3x-uln"));
        Assert.Equal("High", alert.GetProperty("severity").GetString());
        Assert.Contains("within 48–72 h", alert.GetProperty("message").GetString()!, StringComparison.Ordinal);
        Assert.Contains("FDA", alert.GetProperty("sourceCitation").GetString()!, StringComparison.Ordinal);
        Assert.Empty(await AlertTestData.AlertsAsync(client, id, rule: "liver.dili-criteria-met"));

        await client.PostAsJsonAsync($"/api/patients/{id}/labs", new
        {
            results = new[] { new { test = "alt", value = 60m, unit = "U/L", upperLimitOfNormal = 40m, collectedAt = at.AddDays(2) } },
        });
        var cleared = Assert.Single(await AlertTestData.AlertsAsync(client, id, rule: "liver.aminotransferase-above-3x-uln"));
        Assert.Equal("resolved", cleared.GetProperty("status").GetString());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Each_panel_in_the_api_carries_times_uln_ctcae_r_pattern_dili_hys_law_and_an_edish_wording_that_agrees(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Cholestatic");
        var at = DateTimeOffset.UtcNow.AddHours(-2);
        await client.PostAsJsonAsync($"/api/patients/{id}/labs", new
        {
            results = new object[]
            {
                new { test = "ast", value = 100m, unit = "U/L", upperLimitOfNormal = 40m, collectedAt = at.AddDays(-7) },
                new { test = "alt", value = 160m, unit = "U/L", upperLimitOfNormal = 40m, collectedAt = at },
                new { test = "alp", value = 300m, unit = "U/L", upperLimitOfNormal = 120m, collectedAt = at },
                new { test = "total-bilirubin", value = 3.0m, unit = "mg/dL", upperLimitOfNormal = 1.2m, collectedAt = at },
            },
        });

        var liver = await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/liver");
        var panels = liver.GetProperty("panels").EnumerateArray().ToList();
        Assert.Equal(2, panels.Count);
        Assert.Equal("not computable: ALT not measured", panels[0].GetProperty("rText").GetString());
        var latest = panels[1];
        var alt = latest.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("test").GetString() == "Alt");
        Assert.Equal(4m, alt.GetProperty("timesUln").GetDecimal());
        Assert.Equal(2, alt.GetProperty("ctcaeGrade").GetInt32());
        Assert.Equal("Cholestatic", latest.GetProperty("pattern").GetString()); // R = 4 ÷ 2.5 = 1.6
        Assert.True(latest.GetProperty("diliCriteriaMet").GetBoolean());
        Assert.False(latest.GetProperty("potentialHysLaw").GetBoolean());
        Assert.Equal("upper-right quadrant; Hy's law not met (ALP ≥ 2 × ULN)", latest.GetProperty("edish").GetString());
        Assert.Equal("upper-right quadrant; Hy's law not met (ALP ≥ 2 × ULN)", liver.GetProperty("edish").GetProperty("wording").GetString());
        Assert.Empty(await AlertTestData.AlertsAsync(client, id, rule: "liver.potential-hys-law"));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_kratom_history_api_refuses_a_future_date_and_a_missing_basis_and_keeps_a_valid_one(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Kratomhistory");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/patients/{id}/kratom-history")).StatusCode);

        var bad = await client.PutAsJsonAsync($"/api/patients/{id}/kratom-history",
            new { firstUseOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)), basis = "" });
        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("firstUseOn", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("basis", out _));

        var ok = await client.PutAsJsonAsync($"/api/patients/{id}/kratom-history", new { firstUseOn = "2024-03-01", basis = "GP letter" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/kratom-history");
        Assert.Equal("2024-03-01", stored.GetProperty("firstUseOn").GetString());
        Assert.Equal("GP letter", stored.GetProperty("basis").GetString());

        // A replacement names the version it read: none is a field problem, an old one is a stale write.
        var unstamped = await client.PutAsJsonAsync($"/api/patients/{id}/kratom-history", new { firstUseOn = "2023-01-01", basis = "pharmacy record" });
        var unstampedProblem = await unstamped.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(unstampedProblem.GetProperty("errors").TryGetProperty("concurrencyStamp", out _));
        var stamp = stored.GetProperty("concurrencyStamp").GetGuid();
        var replaced = await client.PutAsJsonAsync($"/api/patients/{id}/kratom-history", new { firstUseOn = "2023-01-01", basis = "pharmacy record", concurrencyStamp = stamp });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var stale = await client.PutAsJsonAsync($"/api/patients/{id}/kratom-history", new { firstUseOn = "2022-06-01", basis = "older note", concurrencyStamp = stamp });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("2023-01-01", (await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/kratom-history")).GetProperty("firstUseOn").GetString());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Bilirubin_in_micromoles_is_converted_for_evaluation_and_shown_as_reported(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Micromole");
        var response = await client.PostAsJsonAsync($"/api/patients/{id}/labs", new
        {
            results = new[] { new { test = "total-bilirubin", value = 85.5m, unit = "umol/L", upperLimitOfNormal = 21m, collectedAt = DateTimeOffset.UtcNow.AddHours(-1) } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var lab = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/labs")).EnumerateArray());
        Assert.Equal(85.5m, lab.GetProperty("value").GetDecimal());
        Assert.Equal("umol/L", lab.GetProperty("unit").GetString());
        Assert.Equal(5m, lab.GetProperty("evaluatedValue").GetDecimal()); // 85.5 / 17.1
        Assert.Equal("mg/dL", lab.GetProperty("evaluatedUnit").GetString());
        Assert.False(lab.GetProperty("conversionUnconfirmed").GetBoolean()); // E27: 17.1 is the standard factor
        Assert.Equal(4.07m, lab.GetProperty("timesUln").GetDecimal()); // 85.5 / 21 in the reported unit
        // 4.07 × ULN is CTCAE grade 3 (>3.0-10.0 × ULN): one High alert.
        Assert.Single(await AlertTestData.AlertsAsync(client, id, rule: "liver.ctcae-grade-3-or-higher"));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_bad_lab_csv_changes_nothing_and_names_line_and_column_and_a_good_one_imports_once(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Csvimport");
        var day = DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-ddTHH:mm:00Z");
        var bad = $"test,value,unit,uln,collectedAt\nalt,35,U/L,40,{day}\nast,abc,U/L,40,{day}\nalp,90,mg/dL,120,{day}\n";
        var response = await client.PostAsync($"/api/patients/{id}/labs/csv", new StringContent(bad, Encoding.UTF8, "text/csv"));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("line 3.value", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("line 4.unit", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/labs")).EnumerateArray());

        var good = $"test,value,unit,uln,collectedAt,baseline\nalt,35,U/L,40,{day},true\nast,30,U/L,40,{day},true\nalp,90,U/L,120,{day},true\n";
        var first = await client.PostAsync($"/api/patients/{id}/labs/csv", new StringContent(good, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var second = await client.PostAsync($"/api/patients/{id}/labs/csv", new StringContent(good, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(3, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unchanged").GetInt32());
        Assert.Equal(3, (await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/labs")).GetArrayLength());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Another_clinics_patients_labs_and_alerts_are_404(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Ownlabs");
        await client.PostAsJsonAsync($"/api/patients/{id}/labs", LiverTestData.HysLawPanel(DateTimeOffset.UtcNow.AddHours(-1)));
        var alertId = (await AlertTestData.AlertsAsync(client, id))[0].GetProperty("id").GetGuid();

        var other = await OtherClinic.ClinicianAsync(server);
        await (await other.GetAsync($"/api/patients/{id}/labs")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/patients/{id}/liver")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync($"/api/patients/{id}/labs", LiverTestData.HysLawPanel(DateTimeOffset.UtcNow))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync($"/api/alerts/{alertId}/acknowledge", new { note = "x" })).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await other.GetFromJsonAsync<JsonElement>($"/api/alerts?patientId={id}")).GetProperty("total").GetInt32());
    }
}
