using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Patients;

/// <summary>Issue 15 item 4: finding patients (name, date of birth, record number; sorted), and the warning when the same
/// name and date of birth are enrolled twice.</summary>
public sealed class PatientFindingTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private static object Patient(string given, string family, string dob, bool confirmDuplicate = false) => new
    {
        givenName = given, familyName = family, dateOfBirth = dob, sex = "male", countryCode = "US", subdivisionCode = "US-TN",
        pregnant = false, breastfeeding = false, planningConception = false, confirmDuplicate,
    };

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Enrolling_the_same_name_and_date_of_birth_again_is_held_with_the_existing_record_until_confirmed(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var first = await client.PostAsJsonAsync("/api/patients", Patient("Jordan", "Twicely", "1980-06-07"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var again = await client.PostAsJsonAsync("/api/patients", Patient(" jordan ", "TWICELY", "1980-06-07"));

        var problem = await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("urn:speciosa:problem:possible-duplicate", problem.GetProperty("type").GetString());
        Assert.Equal(firstId, Assert.Single(problem.GetProperty("duplicates").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.True(problem.GetProperty("errors").TryGetProperty("confirmDuplicate", out _));
        Assert.Equal(1, await server.QueryAsync(db => db.Patients.CountAsync(p => p.FamilyName.ToLower() == "twicely")));

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/patients", Patient("Jordan", "Twicely", "1980-06-08"))).StatusCode);
        var confirmed = await client.PostAsJsonAsync("/api/patients", Patient("Jordan", "Twicely", "1980-06-07", confirmDuplicate: true));
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        Assert.Equal(3, await server.QueryAsync(db => db.Patients.CountAsync(p => p.FamilyName.ToLower() == "twicely")));

        // Another clinic's patient with the same name and date of birth is none of this clinic's business.
        var other = await OtherClinic.ClinicianAsync(server);
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync("/api/patients", Patient("Jordan", "Twicely", "1980-06-07"))).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_enrol_page_warns_of_the_same_name_and_date_of_birth_keeps_the_input_and_enrols_once_confirmed(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var existing = await client.PostAsJsonAsync("/api/patients", Patient("Robin", "Pagedupe", "1975-01-02"));
        var existingId = (await existing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var fields = new Dictionary<string, string>
        {
            ["Input.GivenName"] = "Robin", ["Input.FamilyName"] = "Pagedupe", ["Input.DateOfBirth"] = "1975-01-02", ["Input.Sex"] = "male",
            ["Input.Phone"] = "555-0142", ["Input.CountryCode"] = "US", ["Input.SubdivisionCode"] = "US-TN",
        };

        var held = await client.PostFormAsync("/patients/new", "enrol", fields);

        Assert.Equal(HttpStatusCode.Conflict, held.StatusCode);
        var html = WebUtility.HtmlDecode(await held.Content.ReadAsStringAsync());
        Assert.Contains("This patient may already be enrolled.", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/patients/{existingId}\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"555-0142\"", html, StringComparison.Ordinal);
        Assert.Matches("<option value=\"US-TN\"[^>]*selected[^>]*>Tennessee</option>", html); // chosen from a list, kept
        Assert.Matches("<option value=\"US\"[^>]*selected[^>]*>United States</option>", html);
        Assert.Contains("This is a different person with the same name and date of birth", html, StringComparison.Ordinal);
        Assert.DoesNotContain("confirmDuplicate", html.Replace("name=\"Input.ConfirmDuplicate\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(1, await server.QueryAsync(db => db.Patients.CountAsync(p => p.FamilyName == "Pagedupe")));

        fields["Input.ConfirmDuplicate"] = "true";
        var overview = await client.FollowAsync(await client.PostFormAsync("/patients/new", "enrol", fields));

        Assert.Contains("Robin Pagedupe", overview, StringComparison.Ordinal);
        Assert.Equal(2, await server.QueryAsync(db => db.Patients.CountAsync(p => p.FamilyName == "Pagedupe")));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Patients_are_found_by_name_date_of_birth_or_record_number_and_another_clinics_patient_never(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var response = await client.PostAsJsonAsync("/api/patients", Patient("Sam", "Findable", "1966-09-10"));
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var record = id.ToString("N")[..8];
        var other = await OtherClinic.ClinicianAsync(server);
        var theirs = await other.PostAsJsonAsync("/api/patients", Patient("Sam", "Findable", "1966-09-10"));
        var theirId = (await theirs.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        async Task<List<Guid>> FindAsync(string query)
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/patients?{query}&pageSize=100");
            return page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();
        }

        Assert.Equal([id], await FindAsync("name=findABLE"));
        Assert.Equal([id], await FindAsync("dateOfBirth=1966-09-10"));
        Assert.Equal([id], await FindAsync($"record={record}"));
        Assert.Equal([id], await FindAsync($"record={id}"));
        Assert.Empty(await FindAsync($"record={theirId.ToString("N")[..8]}"));
        Assert.Equal(record, (await client.GetFromJsonAsync<JsonElement>("/api/patients?name=findable")).GetProperty("items")[0].GetProperty("recordNumber").GetString());
        var bad = await client.GetAsync("/api/patients?record=12&sort=age");
        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("record", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("sort", out _));

        // The page searches by post (no name or date of birth in the address) and finds the same.
        foreach (var (field, value) in new[] { ("name", "findable"), ("dateOfBirth", "1966-09-10"), ("record", record) })
        {
            var found = await client.PostFormAsync("/patients", "patient-search", [new(field, value)]);
            Assert.Equal(HttpStatusCode.OK, found.StatusCode);
            var html = await found.Content.ReadAsStringAsync();
            Assert.Contains($"/patients/{id}", html, StringComparison.Ordinal);
            Assert.DoesNotContain($"/patients/{theirId}", html, StringComparison.Ordinal);
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_list_sorts_by_open_alerts_most_first(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var quiet = await PatientTestData.EnrolAsync(client, "Sortquiet");
        var loud = await PatientTestData.EnrolAsync(client, "Sortloud");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/patients/{loud}/medicines", new { name = "diazepam" })).StatusCode);

        var page = await client.GetFromJsonAsync<JsonElement>("/api/patients?name=sort&sort=-openAlerts");
        var rows = page.GetProperty("items").EnumerateArray().Select(p => (p.GetProperty("id").GetGuid(), p.GetProperty("openAlerts").GetInt32())).ToList();
        Assert.Equal([(loud, 1), (quiet, 0)], rows);
        Assert.Equal([quiet, loud], (await client.GetFromJsonAsync<JsonElement>("/api/patients?name=sort&sort=openAlerts"))
            .GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList());
    }
}
