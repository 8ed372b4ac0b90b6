using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Speciosa.Testing;

/// <summary>Fresh patients for tests, so tests sharing a server do not share a record.</summary>
public static class PatientTestData
{
    /// <summary>An enrolment body: an adult living in Tennessee, where kratom is legal, with nothing else recorded.</summary>
    public static object NewPatient(string family, Guid? portalUserId = null) => new
    {
        givenName = "Test", familyName = family, dateOfBirth = "1985-04-12", sex = "female", countryCode = "US",
        subdivisionCode = "US-TN", pregnant = false, breastfeeding = false, planningConception = false, portalUserId,
    };

    /// <summary>Enrols <see cref="NewPatient"/> through the API and returns the new patient's id.</summary>
    public static async Task<Guid> EnrolAsync(HttpClient client, string family, Guid? portalUserId = null)
    {
        var response = await client.PostAsJsonAsync("/api/patients", NewPatient(family, portalUserId));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
