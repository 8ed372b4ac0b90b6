using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Speciosa.Web.Http;
using Xunit;

namespace Speciosa.Web.Tests.Jurisdictions;

public sealed class EnrolmentLegalCheckTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_patient_living_where_kratom_is_banned_is_not_enrolled_and_the_refusal_cites_its_source(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var before = await server.QueryAsync(db => db.Patients.CountAsync());
        var response = await client.PostAsJsonAsync("/api/patients", Patient("Louisiana", "US", "US-LA", "1980-01-01"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(ProblemTypes.LegalRefusal, problem.GetProperty("type").GetString());
        Assert.Equal("Banned", problem.GetProperty("legalStatus").GetString());
        var reason = problem.GetProperty("reasons")[0];
        Assert.True(reason.GetProperty("refuses").GetBoolean());
        Assert.NotEqual(0, reason.GetProperty("sources").GetArrayLength());
        Assert.Equal(before, await server.QueryAsync(db => db.Patients.CountAsync()));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_patient_under_the_local_minimum_age_is_not_enrolled(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var twenty = today.AddYears(-20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var response = await client.PostAsJsonAsync("/api/patients", Patient("Young", "US", "US-TN", twenty));
        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(problem.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("kind").GetString() == "UnderMinimumAge");
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_unknown_legal_status_needs_the_clinicians_confirmation_which_is_recorded(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var before = await server.QueryAsync(db => db.Patients.CountAsync());
        var unconfirmed = await client.PostAsJsonAsync("/api/patients", Patient("Kiwi", "NZ", null, "1980-01-01"));
        var problem = await unconfirmed.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("WarnAndConfirm", problem.GetProperty("outcome").GetString());
        Assert.Contains(problem.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("kind").GetString() == "StatusUnknown");
        Assert.Equal(before, await server.QueryAsync(db => db.Patients.CountAsync()));

        var confirmed = await client.PostAsJsonAsync("/api/patients", Patient("Kiwi", "NZ", null, "1980-01-01", confirm: true));
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        var id = (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var confirmation = await server.QueryAsync(db => db.LegalConfirmations.CountAsync(c => c.PatientId == id && c.Context == "enrolment"));
        Assert.Equal(1, confirmation);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_patient_page_shows_the_legal_status_that_applies_and_its_source(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var response = await client.PostAsJsonAsync("/api/patients", Patient("Tennessee", "US", "US-TN", "1980-01-01"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var html = await client.GetStringAsync($"/patients/{id}");
        Assert.Contains("Legal status where the patient lives", html, StringComparison.Ordinal);
        Assert.Contains("US-TN", html, StringComparison.Ordinal);
        Assert.Contains("Source:", html, StringComparison.Ordinal);
    }

    private static object Patient(string family, string country, string? subdivision, string dob, bool confirm = false) => new
    {
        givenName = "Legal", familyName = family + " (test)", dateOfBirth = dob, sex = "male", countryCode = country,
        subdivisionCode = subdivision, careTeam = Array.Empty<Guid>(), confirmLegalWarning = confirm,
    };

}
