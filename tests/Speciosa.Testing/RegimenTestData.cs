using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Speciosa.Testing;

public static class RegimenTestData
{
    public static async Task<Guid> PatientIdAsync(HttpClient client, string familyNameContains)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/patients?name={Uri.EscapeDataString(familyNameContains)}");
        return page.GetProperty("items").EnumerateArray().First().GetProperty("id").GetGuid();
    }

    /// <summary>A fresh patient in Tennessee on the demo leaf lot: 2 g an administration, at most 3 a day and 6 g.</summary>
    public static async Task<(Guid PatientId, Guid LotId)> PatientOnAnOrderAsync(HttpClient clinician)
    {
        var (productId, lotId) = await LeafLotAsync(clinician);
        var patientId = await EnrolLivingInAsync(clinician, "US-TN");
        Assert.Equal(HttpStatusCode.Created, (await clinician.PostAsJsonAsync($"/api/patients/{patientId}/regimens", Order(productId, lotId))).StatusCode);
        return (patientId, lotId);
    }

    public static async Task<(Guid ProductId, Guid LotId)> LeafLotAsync(HttpClient client)
    {
        var lotId = await ProductTestData.DemoLotIdAsync(client, DemoProducts.PassingLot);
        var lot = await client.GetFromJsonAsync<JsonElement>($"/api/lots/{lotId}");
        return (lot.GetProperty("productId").GetGuid(), lotId);
    }

    /// <summary>Enrols a fresh patient (so tests do not share state) living at the given subdivision. Enrolment
    /// itself checks the law (warnings are confirmed here); where it refuses enrolment (a banned place), the
    /// patient is enrolled in Tennessee and then recorded as having moved — the record must hold where they live.</summary>
    /// <summary>A fresh patient in Tennessee with their own portal account (role Patient): the patient's id and a client
    /// signed in as that patient.</summary>
    public static async Task<(Guid PatientId, HttpClient Patient)> PatientWithPortalAsync(SpeciosaServer server, HttpClient clinician)
    {
        Guid userId;
        var name = "portal." + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Speciosa.Web.Data.SpeciosaDbContext>();
            var clinicId = await db.Clinics.Where(c => c.IsDemo).Select(c => c.Id).FirstAsync();
            var (user, _) = await scope.ServiceProvider.GetRequiredService<Speciosa.Web.Identity.UserAdministration>()
                .CreateAsync(clinicId, new Speciosa.Web.Identity.NewUser(name, "Portal Patient", null, SpeciosaServer.DemoPassword, [Speciosa.Web.Identity.SpeciosaRoles.Patient]), null, "test");
            userId = user!.Id;
        }

        // A family name of its own: the same name and date of birth twice in a clinic asks to confirm a duplicate.
        var patientId = await PatientTestData.EnrolAsync(clinician, "Titration-" + name[^8..], userId);
        // The patient's first sign-in: they accept the portal consent before any page opens (issue 14).
        var patient = await server.SignedInClientAsync(name);
        var consent = await patient.PostAsJsonAsync("/api/portal/consent",
            new { version = Speciosa.Clinical.Portal.ConsentText.Current.Version, accept = true });
        Assert.Equal(System.Net.HttpStatusCode.NoContent, consent.StatusCode);
        return (patientId, patient);
    }

    public static async Task<Guid> EnrolLivingInAsync(HttpClient clinician, string subdivision, string country = "US")
    {
        var family = "Regimen " + Guid.NewGuid().ToString("N")[..6];
        var response = await clinician.PostAsJsonAsync("/api/patients", Patient(family, country, subdivision));
        if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
        {
            response = await clinician.PostAsJsonAsync("/api/patients", Patient(family, "US", "US-TN"));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var enrolled = await response.Content.ReadFromJsonAsync<JsonElement>();
            var id = enrolled.GetProperty("id").GetGuid();
            var moved = await clinician.PutAsync($"/api/patients/{id}", PatientEdits.Json(PatientEdits.WholeRecord(enrolled, r =>
            {
                r["countryCode"] = country;
                r["subdivisionCode"] = subdivision;
            })));
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            return id;
        }

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static object Patient(string family, string country, string subdivision) => new
    {
        givenName = "Test", familyName = family, dateOfBirth = "1980-01-01", sex = "unknown",
        countryCode = country, subdivisionCode = subdivision, confirmLegalWarning = true,
    };

    public static object Order(Guid productId, Guid? lotId, string reason = "Starting order", bool confirm = false, object? stamp = null,
        decimal grams = 2m, decimal maxPerDay = 6m, int administrations = 3) => new
    {
        productId, lotId, gramsPerAdministration = grams, maxAdministrationsPerDay = administrations, maxGramsPerDay = maxPerDay,
        startDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd"),
        reason, confirmLegalWarning = confirm, concurrencyStamp = stamp,
    };
}
