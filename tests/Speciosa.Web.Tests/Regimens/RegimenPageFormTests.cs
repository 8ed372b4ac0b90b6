using System.Net;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Xunit;
using static Speciosa.Testing.RegimenTestData;

namespace Speciosa.Web.Tests.Regimens;

/// <summary>The regimen, dose and taper forms posted as a browser would: a problem stands beside its field, in
/// words, with the input kept, and nothing is saved.</summary>
public sealed class RegimenPageFormTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_amendment_without_a_reason_says_so_beside_the_reason_keeps_the_order_typed_and_saves_no_version(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (patientId, _) = await PatientOnAnOrderAsync(clinician);
        var path = $"/patients/{patientId}/regimen";
        var page = await clinician.GetStringAsync(path);
        var fields = HtmlForm.FieldsOf(page, "regimen");
        fields["Input.GramsPerAdministration"] = "1.5";
        fields["Input.Reason"] = "";

        var response = await clinician.PostFormAsync(path, "regimen", fields, page);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"reason-problem\" role=\"alert\"><strong>Problem:</strong> Say why (1 to 1000 characters)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("reason: ", html, StringComparison.Ordinal); // no list keyed by internal names
        Assert.Contains("value=\"1.5\"", html, StringComparison.Ordinal);
        var regimenId = await server.QueryAsync(db => db.Regimens.Where(r => r.PatientId == patientId).Select(r => r.Id).SingleAsync());
        Assert.Equal(1, await server.QueryAsync(db => db.RegimenVersions.CountAsync(v => v.RegimenId == regimenId)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_dose_of_zero_grams_says_so_beside_the_grams_and_records_nothing(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (patientId, lotId) = await PatientOnAnOrderAsync(clinician);
        var nurse = await server.SignedInClientAsync("demo.nurse");

        var response = await nurse.PostFormAsync($"/patients/{patientId}/doses/new", "dose",
            [new("Input.Grams", "0"), new("Input.LotId", lotId.ToString())]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"grams-problem\" role=\"alert\"><strong>Problem:</strong> Grams are above 0 and at most 1000.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("grams: ", html, StringComparison.Ordinal);
        Assert.Equal(0, await server.QueryAsync(db => db.Doses.CountAsync(d => d.PatientId == patientId)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_taper_with_no_rounding_step_says_so_beside_the_step(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (patientId, _) = await PatientOnAnOrderAsync(clinician);
        var path = $"/patients/{patientId}/regimen/taper";
        var page = await clinician.GetStringAsync(path);
        var fields = HtmlForm.FieldsOf(page, "taper-generate");
        fields["Gen.RoundingStepGrams"] = "";

        var response = await clinician.PostFormAsync(path, "taper-generate", fields, page);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"roundingStepGrams-problem\" role=\"alert\"><strong>Problem:</strong> The rounding step is above 0 g", html, StringComparison.Ordinal);
        Assert.DoesNotContain("roundingStepGrams: ", html, StringComparison.Ordinal);
    }
}
