using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Http;

/// <summary>Issue 14: a problem's <c>instance</c> names the route template the request matched, never the path or query string
/// asked for, so an error never repeats a patient's id (into a client's log, a proxy's, a screenshot).</summary>
public sealed class ProblemInstanceTests(DemoServers servers) : IClassFixture<DemoServers>
{
    public static TheoryData<Database, string, int> Requests()
    {
        var data = new TheoryData<Database, string, int>();
        foreach (var database in new[] { Database.Sqlite, Database.Postgres })
        {
            data.Add(database, "/api/patients/{id}/doses?pageSize=1000&patientId={id}", 400); // a validation problem
            data.Add(database, "/api/patients/{id}/doses?page=first&patientId={id}", 400); // a query value that cannot be read
            data.Add(database, "/api/patients/{unknown}/doses?patientId={unknown}", 404);
        }

        return data;
    }

    [Theory, MemberData(nameof(Requests))]
    public async Task A_problem_names_the_route_template_and_never_the_patient_ids_in_the_path_or_query(Database database, string template, int status)
    {
        var server = await servers.On(database);
        var id = await server.QueryAsync(db => db.Patients.Where(p => p.FamilyName == "Sampleton (demo)").Select(p => p.Id).SingleAsync());
        var unknown = Guid.NewGuid();
        var clinician = await server.SignedInClientAsync("demo.clinician");

        var response = await clinician.GetAsync(template.Replace("{id}", id.ToString(), StringComparison.Ordinal).Replace("{unknown}", unknown.ToString(), StringComparison.Ordinal));

        var problem = await response.AssertProblemAsync((HttpStatusCode)status);
        Assert.Equal("/api/patients/{patientId}/doses", problem.GetProperty("instance").GetString());
        var text = problem.GetRawText();
        Assert.DoesNotContain(id.ToString(), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(unknown.ToString(), text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_patients_404_for_another_patients_id_and_a_route_that_does_not_exist_repeat_no_id(Database database)
    {
        var server = await servers.On(database);
        var other = await server.QueryAsync(db => db.Patients.Where(p => p.FamilyName == "Sampleton (demo)").Select(p => p.Id).SingleAsync());
        var patient = await server.SignedInClientAsync("demo.patient");

        var scoped = await (await patient.GetAsync($"/api/patients/{other}/doses?patientId={other}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("/api/patients/{patientId}/doses", scoped.GetProperty("instance").GetString());
        var filtered = await (await patient.GetAsync($"/api/alerts?patientId={other}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.StartsWith("/api/alerts", filtered.GetProperty("instance").GetString(), StringComparison.Ordinal);
        var nowhere = await (await patient.GetAsync($"/api/no-such-thing/{other}?patientId={other}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.False(nowhere.TryGetProperty("instance", out _), "A request that matched no route has no template to name: " + nowhere);
        foreach (var problem in new[] { scoped, filtered, nowhere })
        {
            Assert.DoesNotContain(other.ToString(), problem.GetRawText(), StringComparison.OrdinalIgnoreCase);
        }
    }
}
