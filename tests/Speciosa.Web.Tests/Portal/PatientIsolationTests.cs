using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Testing;
using Speciosa.Web.Http;
using Speciosa.Web.MentalHealth;
using Xunit;

namespace Speciosa.Web.Tests.Portal;

/// <summary>Issue 14, "a patient can never reach another patient's data by any URL or API call (404)": signed in as the demo
/// patient, by cookie and by personal access token, every route the app maps that takes a route value is asked, with every
/// verb it answers, for another patient of the clinic, a patient of another clinic, an id that does not exist, and (where the
/// route names a patient) the patient's own record with the other patient's records inside it. Every answer is 404 and none
/// holds the other patient's name, date of birth or record number.</summary>
public sealed partial class PatientIsolationTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private sealed record Person(string Label, Guid Id, string[] Words);

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_patient_gets_404_and_no_data_for_any_other_patients_id_on_every_route_and_verb(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var own = await server.QueryAsync(db => db.Patients.Where(p => db.Users.Any(u => u.Id == p.PortalUserId && u.UserName == "demo.patient"))
            .Select(p => p.Id).SingleAsync());
        var victim = await server.QueryAsync(db => db.Patients.Where(p => p.FamilyName == "Sampleton (demo)").Select(p => p.Id).SingleAsync());
        await GiveRecordsAsync(clinician, victim);
        var elsewhere = await OtherClinic.ClinicianAsync(server);
        var stranger = await PatientTestData.EnrolAsync(elsewhere, $"Farawayson-{database}");
        await GiveRecordsAsync(elsewhere, stranger);

        var people = new[]
        {
            new Person("another patient of the clinic", victim, ["Jordan", "Sampleton", "1979-11-02", "11/2/1979", RecordNumber(victim)]),
            new Person("a patient of another clinic", stranger, ["Farawayson", "1985-04-12", RecordNumber(stranger)]),
            new Person("an id that does not exist", Guid.NewGuid(), []),
        };
        var records = new Dictionary<Guid, Dictionary<string, string>>
        {
            [victim] = await RecordsOfAsync(server, clinician, victim),
            [stranger] = await RecordsOfAsync(server, elsewhere, stranger, everyKind: false),
            [people[2].Id] = [],
        };

        var cookie = await server.SignedInClientAsync("demo.patient");
        var token = await cookie.PostAsJsonAsync("/api/account/tokens", new { name = "isolation test", expiresInDays = 1 });
        Assert.Equal(HttpStatusCode.Created, token.StatusCode);
        var bearer = server.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString());
        var formToken = await AntiforgeryTokenAsync(cookie);
        await EnsureCarePlanAsync(clinician, own);
        var ownRecords = await RecordsOfAsync(server, clinician, own, everyKind: false);
        var todayLinks = (await cookie.GetFromJsonAsync<JsonElement>("/api/portal/today")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("href").GetString()!).ToList();

        var failures = new List<string>();
        var asked = 0;
        foreach (var endpoint in Routes(server))
        {
            var template = endpoint.RoutePattern;
            var isPage = !IsApi(template.RawText!);
            var (query, ownLink) = LinkOf(template, todayLinks);
            foreach (var method in Methods(endpoint, isPage))
            {
                foreach (var person in people)
                {
                    var paths = new List<string> { PathOf(template, person.Id, records[person.Id]) + query };
                    if (template.Parameters.Any(p => IsPatientParameter(p.Name))
                        && template.Parameters.Any(p => !IsPatientParameter(p.Name) && p.ParameterPolicies.Any(c => c.Content == "guid")))
                    {
                        // Their own record, with the other patient's records inside it.
                        paths.Add(PathOf(template, person.Id, records[person.Id], patientId: own) + query);
                    }

                    foreach (var path in paths)
                    {
                        foreach (var (label, client) in isPage ? [("cookie", cookie)] : new[] { ("cookie", cookie), ("token", bearer) })
                        {
                            asked++;
                            using var request = new HttpRequestMessage(new HttpMethod(method), path);
                            request.Headers.Accept.ParseAdd(isPage ? "text/html" : "application/json");
                            if (method != "GET" && method != "HEAD")
                            {
                                request.Content = isPage
                                    ? new FormUrlEncodedContent(await FormOfAsync(cookie, ownLink ?? PathOf(template, own, ownRecords), formToken))
                                    : new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                            }

                            using var response = await client.SendAsync(request);
                            var body = await response.Content.ReadAsStringAsync();
                            if (response.StatusCode != HttpStatusCode.NotFound)
                            {
                                failures.Add($"{method} {path} ({person.Label}, {label}): {(int)response.StatusCode}, not 404");
                            }

                            // A problem's "instance" (or a message) may repeat the ids asked for; what the caller sent is not data.
                            var rest = GuidPattern().Replace(body.Replace(path.Split('?')[0], "", StringComparison.OrdinalIgnoreCase),
                                m => path.Contains(m.Value, StringComparison.OrdinalIgnoreCase) ? "" : m.Value);
                            foreach (var word in person.Words.Where(w => rest.Contains(w, StringComparison.OrdinalIgnoreCase)))
                            {
                                failures.Add($"{method} {path} ({person.Label}, {label}): the answer shows \"{word}\"");
                            }
                        }
                    }
                }
            }
        }

        Assert.True(asked > 400, $"Only {asked} requests were made; the route list looks wrong.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {asked} answers let a patient near another's record:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    /// <summary>The patient-role 404 comes from the one shared lookup, so the same routes still open for the patient's own
    /// record (and a staff-only route on it keeps its 403).</summary>
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_patients_own_record_still_opens_and_a_staff_only_route_on_it_stays_forbidden(Database database)
    {
        var server = await servers.On(database);
        var own = await server.QueryAsync(db => db.Patients.Where(p => db.Users.Any(u => u.Id == p.PortalUserId && u.UserName == "demo.patient"))
            .Select(p => p.Id).SingleAsync());
        var patient = await server.SignedInClientAsync("demo.patient");
        foreach (var path in new[] { $"/api/patients/{own}", $"/api/patients/{own}/care-plan", $"/patients/{own}", $"/patients/{own}/assessments" })
        {
            Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync(path)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await patient.GetAsync($"/api/patients/{own}/portal")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.GetAsync("/api/alerts")).StatusCode);
    }

    private static string RecordNumber(Guid id) => id.ToString("N")[..8];

    /// <summary>A few records of each kind a route may name, made by that patient's clinician.</summary>
    private static async Task GiveRecordsAsync(HttpClient clinician, Guid patientId)
    {
        var at = DateTimeOffset.UtcNow.AddHours(-3);
        Assert.Equal(HttpStatusCode.Created, (await clinician.PostAsJsonAsync($"/api/patients/{patientId}/labs", LiverTestData.HysLawPanel(at))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await clinician.PostAsJsonAsync($"/api/patients/{patientId}/medicines", new { name = "sertraline 50 mg" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await clinician.PostAsJsonAsync($"/api/patients/{patientId}/adverse-events", new
        {
            termId = "agitation", grade = 1, onset = at, outcome = "recovered", relatedness = "possible", resolvedAt = at.AddHours(1),
            seriousnessCriteria = Array.Empty<string>(), actionTaken = "none",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await clinician.PostAsJsonAsync($"/api/patients/{patientId}/screenings", new
        {
            instrumentId = "phq-9", answers = Enumerable.Range(1, 9).ToDictionary(n => n, n => n == 9 ? 0 : 1), assessedAt = at,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clinician.PutAsJsonAsync($"/api/patients/{patientId}/care-plan", new
        {
            reason = "Plan agreed at enrolment",
            activities = new object[] { new { kind = "exercise", title = "Walk", days = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" }, times = new[] { "00:01" }, goal = "Walk" } },
        })).StatusCode);
    }

    /// <summary>Route value name (lower case) → one of the patient's records it may name.</summary>
    private static async Task<Dictionary<string, string>> RecordsOfAsync(SpeciosaServer server, HttpClient clinician, Guid patientId, bool everyKind = true)
    {
        var ids = await server.QueryAsync(async db => new Dictionary<string, Guid?>
        {
            ["regimenid"] = await db.Regimens.Where(r => r.PatientId == patientId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(),
            ["assessmentid"] = await db.Assessments.Where(r => r.PatientId == patientId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(),
            ["itemid"] = await db.Assessments.Where(r => r.PatientId == patientId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(),
            ["alertid"] = await db.Alerts.Where(r => r.PatientId == patientId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(),
            ["eventid"] = await db.AdverseEvents.Where(r => r.PatientId == patientId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(),
            ["labid"] = await db.LabResults.Where(r => r.PatientId == patientId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(),
            ["medicineid"] = await db.PatientMedicines.Where(r => r.PatientId == patientId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(),
            ["screeningid"] = await db.Screenings.Where(r => r.PatientId == patientId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(),
        });
        var plan = await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/care-plan");
        var activity = plan.GetProperty("activities").EnumerateArray().First().GetProperty("id").GetGuid();
        var found = ids.Where(i => i.Value is not null).ToDictionary(i => i.Key, i => i.Value!.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        found["activityid"] = activity.ToString();
        Assert.True(!everyKind || found.Count == 9, "Some of the other patient's records are missing: " + string.Join(", ", ids.Where(i => i.Value is null).Select(i => i.Key)));
        return found;
    }

    private static bool IsPatientParameter(string name) => name.Equals("patientId", StringComparison.OrdinalIgnoreCase);

    private static bool IsApi(string template) =>
        template.StartsWith("/api", StringComparison.Ordinal) || template.StartsWith("/fhir", StringComparison.Ordinal) || template.StartsWith("/openapi", StringComparison.Ordinal);

    /// <summary>The address of <paramref name="template"/> for one patient: the patient's id for the patient, their record of
    /// the kind the route names for any other id (their id when they have none of that kind), and fixed words for the route
    /// values that are not ids. With <paramref name="patientId"/> the route names that patient instead.</summary>
    private static string PathOf(RoutePattern template, Guid person, Dictionary<string, string> records, Guid? patientId = null)
    {
        var path = template.RawText!;
        foreach (var parameter in template.Parameters)
        {
            var isGuid = parameter.ParameterPolicies.Any(p => p.Content == "guid");
            var value = IsPatientParameter(parameter.Name) ? (patientId ?? person).ToString()
                : records.TryGetValue(parameter.Name, out var record) ? record
                : parameter.Name.ToLowerInvariant() switch
                {
                    _ when isGuid => person.ToString(),
                    "type" => "Patient",
                    "file" => "patients",
                    "kind" => "check-in",
                    "instrumentid" => "sows-handelsman",
                    "questionnaire" => "phq-9",
                    _ => person.ToString(),
                };
            path = ParameterPattern().Replace(path, m => m.Groups["name"].Value.Equals(parameter.Name, StringComparison.OrdinalIgnoreCase) ? value : m.Value);
        }

        Assert.DoesNotContain("{", path, StringComparison.Ordinal);
        return "/" + path.TrimStart('/');
    }

    /// <summary>The app's own link to this route on the patient's Today, if any (an activity with its day and time), and its
    /// query, so the other patient's record is asked for as the patient's own would be.</summary>
    private static (string Query, string? Link) LinkOf(RoutePattern template, List<string> links)
    {
        var shape = new Regex("^" + ParameterPattern().Replace(Regex.Escape("/" + template.RawText!.TrimStart('/')).Replace("\\{", "{", StringComparison.Ordinal), "[^/?]+") + "(?<q>\\?.*)$");
        var match = links.Select(l => shape.Match(l)).FirstOrDefault(m => m.Success);
        return match is null ? ("", null) : (match.Groups["q"].Value, match.Value);
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();

    /// <summary>A page post as the page's own form sends it: the form name the page shows the patient for their own record
    /// (none when it shows them no form), and the session's form token.</summary>
    private static async Task<Dictionary<string, string>> FormOfAsync(HttpClient client, string ownPath, string formToken)
    {
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = formToken };
        using var request = new HttpRequestMessage(HttpMethod.Get, ownPath);
        request.Headers.Accept.ParseAdd("text/html");
        var page = await client.SendAsync(request);
        var handler = Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"_handler\" value=\"(?<v>[^\"]+)\"");
        if (handler.Success)
        {
            form["_handler"] = WebUtility.HtmlDecode(handler.Groups["v"].Value);
        }

        return form;
    }

    /// <summary>The patient's own record gets a care plan when it has none, so an activity of theirs exists.</summary>
    private static async Task EnsureCarePlanAsync(HttpClient clinician, Guid patientId)
    {
        var plan = await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/care-plan");
        if (plan.GetProperty("activities").GetArrayLength() == 0)
        {
            Assert.Equal(HttpStatusCode.OK, (await clinician.PutAsJsonAsync($"/api/patients/{patientId}/care-plan", new
            {
                reason = "Plan agreed at enrolment",
                activities = new object[] { new { kind = "mindfulness", title = "Breathe", days = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" }, times = new[] { "00:02" }, goal = "Breathe" } },
            })).StatusCode);
        }
    }

    [GeneratedRegex(@"\{\**(?<name>[A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex ParameterPattern();

    /// <summary>Every route with a route value, but infrastructure (static files, health) and the anonymous ones.</summary>
    private static IEnumerable<RouteEndpoint> Routes(SpeciosaServer server) =>
        server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count > 0 && !e.RoutePattern.Parameters.Any(p => p.IsCatchAll))
            .Where(e => e.Metadata.GetMetadata<StaticFileMarker>() is null && e.Metadata.GetMetadata<HealthEndpointMarker>() is null)
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .GroupBy(e => e.RoutePattern.RawText + " " + string.Join(",", Methods(e, !IsApi(e.RoutePattern.RawText!))))
            .Select(g => g.First());

    private static IEnumerable<string> Methods(RouteEndpoint endpoint, bool isPage) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Where(m => m != "HEAD" && m != "OPTIONS")
        ?? (isPage ? ["GET", "POST"] : ["GET"]);

    /// <summary>A form token for the patient's session, from a page they may open, so a post is refused for its address and
    /// not for a missing token.</summary>
    private static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/my/reminders");
        var match = Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"(?<v>[^\"]+)\"");
        Assert.True(match.Success, "The reminder settings page has no form token.");
        return WebUtility.HtmlDecode(match.Groups["v"].Value);
    }
}
