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
using Speciosa.Web.Patients;
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
        // A plan made after the day's last activity time (the demo's is made at start-up) has nothing left on Today, so the
        // activity page is also opened for tomorrow (clinic day), as the app links it.
        var plan = await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{own}/care-plan");
        var tomorrow = DateOnly.Parse(plan.GetProperty("today").GetString()!, System.Globalization.CultureInfo.InvariantCulture).AddDays(1);
        var activity = plan.GetProperty("activities").EnumerateArray().First(a => a.GetProperty("days").EnumerateArray().Any(d => d.GetString() == tomorrow.DayOfWeek.ToString()));
        todayLinks.Add(Speciosa.Web.CarePlans.CarePlanTodayItems.DonePath(activity.GetProperty("id").GetGuid(), tomorrow, activity.GetProperty("times")[0].GetString()!));

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

    /// <summary>The query string names patients too (filters, CSV exports, FHIR searches): every query parameter the app
    /// declares — the OpenAPI document's, the pages' <c>[SupplyParameterFromQuery]</c> properties, the FHIR CapabilityStatement's
    /// search parameters (and FHIR's <c>subject</c>) — is asked, by cookie and by token, with every verb, for another patient
    /// of the clinic, a patient of another clinic and a made-up id, the route itself on the patient's own record. A parameter
    /// that names a patient, or any id on a route the patient may not use, answers 404 (problem JSON, or an OperationOutcome on
    /// FHIR); no answer is a 403 or shows the other patient's name, date of birth or record number.</summary>
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_patient_gets_404_and_no_data_for_any_other_patient_named_in_a_query_string(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var own = await OwnRecordAsync(server);
        var victim = await server.QueryAsync(db => db.Patients.Where(p => p.FamilyName == "Sampleton (demo)").Select(p => p.Id).SingleAsync());
        await GiveRecordsAsync(clinician, victim);
        var elsewhere = await OtherClinic.ClinicianAsync(server);
        var stranger = await PatientTestData.EnrolAsync(elsewhere, $"Queryfaraway-{database}");
        var people = new[]
        {
            new Person("another patient of the clinic", victim, ["Jordan", "Sampleton", "1979-11-02", "11/2/1979", RecordNumber(victim)]),
            new Person("a patient of another clinic", stranger, ["Queryfaraway", "1985-04-12", RecordNumber(stranger)]),
            new Person("an id that does not exist", Guid.NewGuid(), []),
        };
        var records = new Dictionary<Guid, Dictionary<string, string>>
        {
            [victim] = await RecordsOfAsync(server, clinician, victim, everyKind: false),
            [stranger] = [],
            [people[2].Id] = [],
        };
        var ownRecords = await RecordsOfAsync(server, clinician, own, everyKind: false);
        var (cookie, bearer) = await PatientClientsAsync(server);
        var formToken = await AntiforgeryTokenAsync(cookie);

        var parameters = await QueryParametersAsync(server, clinician);
        var unguarded = parameters.Where(p => p.Name.Contains("patient", StringComparison.OrdinalIgnoreCase) || p.Name.Equals("subject", StringComparison.OrdinalIgnoreCase))
            .Where(p => !NamesPatient(p)).Select(p => $"{p.Method} {p.Path}?{p.Name}").Distinct().ToList();
        Assert.True(unguarded.Count == 0, "These query parameters name a patient but PatientScope.PatientQueryKeys does not check them: " + string.Join(", ", unguarded));
        foreach (var expected in new[] { "/api/alerts?patientId", "/api/alerts.csv?patientId", "/api/review-queue?patientId", "/review-queue?patient", "/fhir/Observation?patient", "/fhir/Patient?_id" })
        {
            Assert.Contains(parameters, p => $"{p.Path.TrimEnd('/')}?{p.Name}".Equals(expected, StringComparison.OrdinalIgnoreCase));
        }

        var failures = new List<string>();
        var asked = 0;
        foreach (var parameter in parameters)
        {
            var path = parameter.Path.Contains('{', StringComparison.Ordinal)
                ? PathOf(RoutePatternFactory.Parse(parameter.Path), own, ownRecords, patientId: own)
                : parameter.Path;
            foreach (var person in people)
            {
                var values = new List<string>
                {
                    NamesPatient(parameter) ? person.Id.ToString()
                        : records[person.Id].TryGetValue(parameter.Name, out var record) || records[person.Id].TryGetValue(parameter.Name + "id", out record) ? record
                        : person.Id.ToString(),
                };
                if (parameter.Path.StartsWith("/fhir", StringComparison.Ordinal))
                {
                    values.Add("Patient/" + person.Id);
                }

                foreach (var value in values)
                {
                    var url = path + "?" + Uri.EscapeDataString(parameter.Name) + "=" + Uri.EscapeDataString(value);
                    foreach (var (label, client) in parameter.IsPage ? [("cookie", cookie)] : new[] { ("cookie", cookie), ("token", bearer) })
                    {
                        asked++;
                        using var request = new HttpRequestMessage(new HttpMethod(parameter.Method), url);
                        request.Headers.Accept.ParseAdd(parameter.IsPage ? "text/html" : "application/json");
                        if (parameter.Method is not ("GET" or "DELETE"))
                        {
                            request.Content = parameter.IsPage
                                ? new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = formToken })
                                : new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                        }

                        using var response = await client.SendAsync(request);
                        var body = await response.Content.ReadAsStringAsync();
                        var where = $"{parameter.Method} {url} ({person.Label}, {label})";
                        var status = (int)response.StatusCode;
                        if (NamesPatient(parameter) ? status != 404 : status is 403 or >= 500)
                        {
                            failures.Add($"{where}: {status}, not 404");
                        }
                        else if (status == 404 && !parameter.IsPage && response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/fhir+json"))
                        {
                            failures.Add($"{where}: a 404 as {response.Content.Headers.ContentType?.MediaType}, not problem JSON");
                        }

                        failures.AddRange(Shown(body, url, person).Select(word => $"{where}: the answer shows \"{word}\""));
                    }
                }
            }
        }

        Assert.True(asked > 200, $"Only {asked} requests were made; the query parameter list looks wrong.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {asked} answers let a patient near another's record:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    /// <summary>The query-string check is the route's lookup, so the patient's own id in a patient filter still opens what
    /// the patient may open, and a staff-only filter on their own id stays 403 (not 404: nothing of anyone else is named).</summary>
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_patients_own_id_in_a_query_string_still_opens_their_pages_and_a_staff_only_filter_stays_forbidden(Database database)
    {
        var server = await servers.On(database);
        var own = await OwnRecordAsync(server);
        var victim = await server.QueryAsync(db => db.Patients.Where(p => p.FamilyName == "Sampleton (demo)").Select(p => p.Id).SingleAsync());
        var (cookie, bearer) = await PatientClientsAsync(server);
        foreach (var client in new[] { cookie, bearer })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/patients/{own}/care-plan?patientId={own}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/patients/{own}/care-plan?patientId={victim}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/alerts?patientId={own}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/review-queue?patientId={own}&state=all")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/review-queue?patientId={victim}&state=all")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync($"/patients/{own}/assessments?patient={own}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync($"/my/progress?patient=Patient/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cookie.GetAsync($"/my/progress?patient={victim}")).StatusCode);
    }

    private sealed record QueryParameter(string Method, string Path, string Name, bool IsPage);

    private static bool NamesPatient(QueryParameter parameter) =>
        PatientScope.PatientQueryKeys.Contains(parameter.Name) || (parameter.Path == "/fhir/Patient" && parameter.Name == "_id");

    /// <summary>Every query parameter the app declares that can carry an id (text or id typed): the OpenAPI document's
    /// operations, the pages' <c>[SupplyParameterFromQuery]</c> properties (GET and POST), and the FHIR searches of the
    /// CapabilityStatement (with FHIR's <c>subject</c>, which the server refuses), anonymous pages aside.</summary>
    private static async Task<List<QueryParameter>> QueryParametersAsync(SpeciosaServer server, HttpClient staff)
    {
        var found = new List<QueryParameter>();
        var document = await staff.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("parameters", out _)))
            {
                found.AddRange(operation.Value.GetProperty("parameters").EnumerateArray()
                    .Where(p => p.GetProperty("in").GetString() == "query" && CarriesId(p))
                    .Select(p => new QueryParameter(operation.Name.ToUpperInvariant(), path.Name, p.GetProperty("name").GetString()!, IsPage: false)));
            }
        }

        foreach (var endpoint in server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && !e.RoutePattern.Parameters.Any(p => p.IsCatchAll)))
        {
            if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>()?.Type is not { } page)
            {
                continue;
            }

            foreach (var property in page.GetProperties(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))
            {
                if (property.GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.SupplyParameterFromQueryAttribute), true).FirstOrDefault()
                    is Microsoft.AspNetCore.Components.SupplyParameterFromQueryAttribute query
                    && (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) is var type && (type == typeof(string) || type == typeof(Guid)))
                {
                    foreach (var method in new[] { "GET", "POST" })
                    {
                        found.Add(new QueryParameter(method, "/" + endpoint.RoutePattern.RawText!.TrimStart('/'), query.Name ?? property.Name, IsPage: true));
                    }
                }
            }
        }

        var capability = await staff.GetFromJsonAsync<JsonElement>("/fhir/metadata");
        foreach (var resource in capability.GetProperty("rest")[0].GetProperty("resource").EnumerateArray())
        {
            var type = resource.GetProperty("type").GetString()!;
            var names = resource.TryGetProperty("searchParam", out var searchParams) ? searchParams.EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList() : [];
            found.AddRange(names.Append("subject").Distinct().Select(name => new QueryParameter("GET", "/fhir/" + type, name, IsPage: false)));
        }

        return found.DistinctBy(p => (p.Method, p.Path.ToLowerInvariant(), p.Name.ToLowerInvariant())).ToList();
    }

    private static bool CarriesId(JsonElement parameter)
    {
        if (!parameter.TryGetProperty("schema", out var schema))
        {
            return true;
        }

        var text = schema.GetRawText();
        return text.Contains("\"string\"", StringComparison.Ordinal) && !text.Contains("\"date", StringComparison.Ordinal) && !text.Contains("\"enum\"", StringComparison.Ordinal);
    }

    /// <summary>Words of <paramref name="person"/> in an answer, after what the caller sent (the ids asked for) is taken out.</summary>
    private static IEnumerable<string> Shown(string body, string url, Person person)
    {
        var rest = GuidPattern().Replace(body.Replace(url.Split('?')[0], "", StringComparison.OrdinalIgnoreCase),
            m => url.Contains(m.Value, StringComparison.OrdinalIgnoreCase) ? "" : m.Value);
        return person.Words.Where(w => rest.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    private static Task<Guid> OwnRecordAsync(SpeciosaServer server) =>
        server.QueryAsync(db => db.Patients.Where(p => db.Users.Any(u => u.Id == p.PortalUserId && u.UserName == "demo.patient")).Select(p => p.Id).SingleAsync());

    /// <summary>The demo patient signed in by cookie, and by a personal access token of theirs.</summary>
    private static async Task<(HttpClient Cookie, HttpClient Bearer)> PatientClientsAsync(SpeciosaServer server)
    {
        var cookie = await server.SignedInClientAsync("demo.patient");
        var token = await cookie.PostAsJsonAsync("/api/account/tokens", new { name = "isolation test " + Guid.NewGuid().ToString("N")[..6], expiresInDays = 1 });
        Assert.Equal(HttpStatusCode.Created, token.StatusCode);
        var bearer = server.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString());
        return (cookie, bearer);
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
        if ((await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/care-plan")).GetProperty("activities").GetArrayLength() > 0)
        {
            return; // records given before, by another test of the class on the same server
        }

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
