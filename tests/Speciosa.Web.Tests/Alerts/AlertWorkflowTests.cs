using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Speciosa.Web.Alerts;
using Xunit;

namespace Speciosa.Web.Tests.Alerts;

/// <summary>Issue 15 item 6, end to end on both databases: a worklist of 50 alerts is grouped, bulk acknowledged (all or
/// nothing, one audit row each), snoozed with a reason, and returns at its time, in the clinic's zone and in words.</summary>
public sealed partial class AlertWorkflowTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private const string Rule = "test.worklist-alike";

    /// <summary>Five patients with ten alike alerts each (same rule, ten condition keys): 50 alerts.</summary>
    private static async Task<List<Guid>> FiftyAlertsAsync(SpeciosaServer server, HttpClient client, DateTimeOffset now)
    {
        var patients = new List<Guid>();
        for (var p = 0; p < 5; p++)
        {
            patients.Add(await PatientTestData.EnrolAsync(client, $"Alike{(char)('A' + p)}"));
        }

        await server.QueryAsync(async db =>
        {
            var clinicId = await db.Patients.Where(x => x.Id == patients[0]).Select(x => x.ClinicId).SingleAsync();
            for (var p = 0; p < 5; p++)
            {
                for (var k = 0; k < 10; k++)
                {
                    db.Alerts.Add(new RaisedAlert
                    {
                        Id = Guid.NewGuid(), ClinicId = clinicId, PatientId = patients[p], RuleId = Rule, RuleVersion = 1, Severity = "High",
                        SeverityRank = 2, ConditionKey = $"key-{k}", Message = $"Made-up alike condition {k}.",
                        InputsJson = JsonSerializer.Serialize(new[]
                        {
                            new AlertInputView("Observed at", now.AddHours(-k).ToString("O")),
                            new AlertInputView("Seriousness", "LifeThreatening"),
                        }),
                        Threshold = "made up", SourceCitation = "Test source", Status = AlertStatus.Open, RaisedAt = now.AddMinutes(-k - 10 * p),
                        ConcurrencyStamp = Guid.NewGuid(),
                    });
                }
            }

            return await db.SaveChangesAsync();
        });
        return patients;
    }

    private static MatchCollection Cards(string html) => CardPattern().Matches(html);

    private static string RefsOf(string card) => WebUtility.HtmlDecode(RefsPattern().Match(card).Groups[1].Value);

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Fifty_alerts_are_grouped_bulk_acknowledged_all_or_nothing_snoozed_and_return_at_their_time(Database database)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var server = await servers.StartAsync(database, clock: clock);
        var client = await server.SignedInClientAsync("demo.clinician");
        var patients = await FiftyAlertsAsync(server, client, clock.GetUtcNow());

        // Grouped: 50 alerts on one page make five cards of ten alike alerts, inputs in words and clinic time.
        var page = await client.GetStringAsync($"/alerts?rule={Rule}");
        var decoded = WebUtility.HtmlDecode(page);
        Assert.Contains("50 alert(s)", decoded, StringComparison.Ordinal);
        Assert.Equal(5, Cards(page).Count);
        Assert.All(Cards(page), c => Assert.Contains("10 alike alerts", WebUtility.HtmlDecode(c.Value), StringComparison.Ordinal));
        Assert.Contains("Seriousness: Life threatening", decoded, StringComparison.Ordinal);
        Assert.DoesNotContain("LifeThreatening", decoded, StringComparison.Ordinal);
        Assert.Contains("(America/New_York)", decoded, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", decoded);

        // All or nothing: one stale stamp among twenty refuses them all.
        var first = RefsOf(Cards(page)[0].Value);
        var second = RefsOf(Cards(page)[1].Value);
        var refs = (first + "," + second).Split(',').Select(r => r.Split(':')).Select(r => new { id = Guid.Parse(r[0]), concurrencyStamp = (Guid?)Guid.Parse(r[1]) }).ToList();
        refs[7] = refs[7] with { concurrencyStamp = Guid.NewGuid() };
        var stale = await client.PostAsJsonAsync("/api/alerts/acknowledge", new { alerts = refs, note = "Reviewed together." });
        await stale.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(0, await server.QueryAsync(db => db.Alerts.CountAsync(a => a.RuleId == Rule && a.Status == AlertStatus.Acknowledged && patients.Contains(a.PatientId))));

        // Bulk acknowledge three groups (30 alerts) from the page, confirmed with the tick; each alert gets its audit row.
        var selected = Cards(page).Take(3).Select(c => SelectPattern().Match(c.Value).Groups[1].Value).Select(v => WebUtility.HtmlDecode(v)).ToList();
        var fields = new List<KeyValuePair<string, string>> { new("bulkNote", "Reviewed the three patients' alerts at the huddle.") };
        fields.AddRange(selected.Select(v => new KeyValuePair<string, string>("selected", v!)));
        var unconfirmed = await client.PostFormAsync($"/alerts?rule={Rule}", "alerts-bulk", fields, page);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("Tick", WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        fields.Add(new("bulkConfirm", "true"));
        var acknowledged = await client.FollowAsync(await client.PostFormAsync($"/alerts?rule={Rule}", "alerts-bulk", fields, page));
        Assert.Contains("30 alerts acknowledged.", acknowledged, StringComparison.Ordinal);
        Assert.Equal(2, Cards(acknowledged).Count);
        Assert.Equal(30, await server.QueryAsync(db => db.Alerts.CountAsync(a => a.RuleId == Rule && a.Status == AlertStatus.Acknowledged)));
        var ids = (await server.QueryAsync(db => db.Alerts.Where(a => a.RuleId == Rule && a.Status == AlertStatus.Acknowledged).Select(a => a.Id).ToListAsync())).Select(g => g.ToString()).ToList();
        var auditRows = await server.QueryAsync(db => db.AuditEntries.Where(e => e.Action == "alert.acknowledge" && ids.Contains(e.ResourceId!)).Select(e => e.ResourceId).ToListAsync());
        Assert.Equal(ids.Order(), auditRows.Order()!);

        // Snooze one of the two open groups with a reason until two hours from now (clinic time): it leaves the open list.
        var open = await client.GetStringAsync($"/alerts?rule={Rule}");
        var card = Cards(open)[0].Value;
        var returnAt = clock.GetUtcNow().AddHours(2);
        var snoozed = await client.FollowAsync(await client.PostFormAsync($"/alerts?rule={Rule}", $"snooze-{KeyPattern().Match(card).Groups[1].Value}",
            [new("Input.Refs", RefsOf(card)), new("Input.Until", HtmlForm.DemoClinicLocal(returnAt)), new("Input.Reason", "Waiting for the repeat panel.")], open));
        Assert.Contains("10 alerts snoozed.", snoozed, StringComparison.Ordinal);
        Assert.Single(Cards(snoozed));
        var snoozedList = WebUtility.HtmlDecode(await client.GetStringAsync($"/alerts?rule={Rule}&status=snoozed"));
        Assert.Single(Cards(snoozedList));
        Assert.Contains("Snoozed until " + HtmlForm.DemoClinicLocal(returnAt).Replace('T', ' ') + " (America/New_York)", snoozedList, StringComparison.Ordinal);
        Assert.Contains("Waiting for the repeat panel.", snoozedList, StringComparison.Ordinal);

        // A reload of the landing page sends nothing again.
        Assert.Equal(10, await server.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "alert.snooze")));

        // At the return time it is back on the open worklist, saying so.
        clock.Advance(TimeSpan.FromHours(2).Add(TimeSpan.FromMinutes(1)));
        client = await server.SignedInClientAsync("demo.clinician");
        var back = WebUtility.HtmlDecode(await client.GetStringAsync($"/alerts?rule={Rule}"));
        Assert.Equal(2, Cards(back).Count);
        Assert.Contains("Back from snooze since", back, StringComparison.Ordinal);
        Assert.Empty(Cards(await client.GetStringAsync($"/alerts?rule={Rule}&status=snoozed")));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Alerts_are_assigned_to_a_person_and_filtered_by_assignee_care_team_patient_and_rule(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var patients = await FiftyAlertsAsync(server, client, DateTimeOffset.UtcNow);
        var assignees = await client.GetFromJsonAsync<JsonElement>("/api/alerts/assignees");
        var nurse = assignees.EnumerateArray().First(a => a.GetProperty("displayName").GetString()!.Contains("Nurse", StringComparison.Ordinal)).GetProperty("userId").GetGuid();

        var mine = await AlertTestData.AlertsAsync(client, patients[1], Rule, "open");
        var assign = await client.PostAsJsonAsync("/api/alerts/assign", new
        {
            alerts = mine.Select(a => new { id = a.GetProperty("id").GetGuid(), concurrencyStamp = a.GetProperty("concurrencyStamp").GetGuid() }),
            assigneeUserId = nurse,
        });
        Assert.Equal(HttpStatusCode.OK, assign.StatusCode);
        var assigned = await client.GetFromJsonAsync<JsonElement>($"/api/alerts?rule={Rule}&assignedTo={nurse}&pageSize=100");
        Assert.Equal(10, assigned.GetProperty("total").GetInt32());
        Assert.All(assigned.GetProperty("items").EnumerateArray(), a => Assert.Equal(patients[1], a.GetProperty("patientId").GetGuid()));
        Assert.Contains("Assigned to", WebUtility.HtmlDecode(await client.GetStringAsync($"/alerts?rule={Rule}&patientId={patients[1]}")), StringComparison.Ordinal);

        // Care teams exist per patient (PatientCareTeam): the nurse is on the third patient's team only.
        await server.QueryAsync(async db =>
        {
            await db.CareTeamMembers.Where(m => patients.Contains(m.PatientId) && m.UserId == nurse).ExecuteDeleteAsync();
            db.CareTeamMembers.Add(new Speciosa.Web.Patients.CareTeamMember { PatientId = patients[2], UserId = nurse });
            return await db.SaveChangesAsync();
        });
        var team = await client.GetFromJsonAsync<JsonElement>($"/api/alerts?rule={Rule}&careTeamOf={nurse}&pageSize=100");
        Assert.Equal(10, team.GetProperty("total").GetInt32());
        Assert.All(team.GetProperty("items").EnumerateArray(), a => Assert.Equal(patients[2], a.GetProperty("patientId").GetGuid()));
        var onePatient = await client.GetFromJsonAsync<JsonElement>($"/api/alerts?rule={Rule}&patientId={patients[4]}&severity=High&pageSize=100");
        Assert.Equal(10, onePatient.GetProperty("total").GetInt32());

        var bad = await client.PostAsJsonAsync("/api/alerts/assign", new { alerts = new[] { new { id = Guid.NewGuid(), concurrencyStamp = Guid.NewGuid() } }, assigneeUserId = Guid.NewGuid() });
        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("assigneeUserId", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_hys_law_alert_resolved_by_hand_is_raised_again_only_after_its_condition_cleared_and_the_page_says_why(Database database)
    {
        const string hysLaw = "liver.potential-hys-law";
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Recurs");
        var at = DateTimeOffset.UtcNow.AddDays(-3);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/patients/{id}/labs", LiverTestData.HysLawPanel(at))).StatusCode);
        var alert = Assert.Single(await AlertTestData.AlertsAsync(client, id, hysLaw));
        var resolved = await client.PostAsJsonAsync($"/api/alerts/{alert.GetProperty("id").GetGuid()}/resolve",
            new { reason = "Known Gilbert's syndrome; hepatology reviewed.", concurrencyStamp = alert.GetProperty("concurrencyStamp").GetGuid() });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);

        // The same condition re-evaluated (a later ALT still meets Hy's law on peaks): the clinician's decision stands.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/patients/{id}/labs", new
        {
            results = new[] { new { test = "alt", value = 260m, unit = "U/L", upperLimitOfNormal = 40m, collectedAt = at.AddDays(1) } },
        })).StatusCode);
        Assert.Single(await AlertTestData.AlertsAsync(client, id, hysLaw));

        // The bilirubin was entered in error: the condition is gone (nothing to resolve; it is marked cleared).
        var labs = await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}/labs");
        var bilirubin = labs.EnumerateArray().Single(l => l.GetProperty("test").GetString() == "TotalBilirubin").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/patients/{id}/labs/{bilirubin}/entered-in-error", new { reason = "Wrong patient's sample." })).StatusCode);
        Assert.Single(await AlertTestData.AlertsAsync(client, id, hysLaw));

        // A new bilirubin rise: the condition arises anew and is raised again, and the worklist says why.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/patients/{id}/labs", LiverTestData.HysLawPanel(at.AddDays(2)))).StatusCode);
        var both = await AlertTestData.AlertsAsync(client, id, hysLaw);
        Assert.Equal(2, both.Length);
        var again = Assert.Single(both, a => a.GetProperty("status").GetString() == "open");
        Assert.StartsWith("Raised again: an earlier alert of this condition (raised ", again.GetProperty("raisedAgainBecause").GetString(), StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/alerts?patientId={id}"));
        Assert.Contains("was resolved by hand on ", page, StringComparison.Ordinal);
        Assert.Contains("and it has now arisen anew.", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("<article class=\"alert-card.*?</article>", RegexOptions.Singleline)]
    private static partial Regex CardPattern();

    [GeneratedRegex("name=\"Input.Refs\" value=\"([^\"]+)\"")]
    private static partial Regex RefsPattern();

    [GeneratedRegex("name=\"selected\" value=\"([^\"]+)\"")]
    private static partial Regex SelectPattern();

    [GeneratedRegex("name=\"_handler\" value=\"snooze-([0-9a-f]{32})\"")]
    private static partial Regex KeyPattern();
}
