using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Testing;
using Speciosa.Clinical.Liver;
using Xunit;
using static Speciosa.Testing.RegimenTestData;

namespace Speciosa.Web.Tests.Regimens;

public sealed class RucamFromDoseLogTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_rucam_time_to_onset_is_filled_from_the_regimen_and_the_patient_is_taken_as_still_taking_it(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (productId, lotId) = await LeafLotAsync(clinician);
        var patientId = await EnrolLivingInAsync(clinician, "US-TN");
        Assert.Equal(HttpStatusCode.Created, (await clinician.PostAsJsonAsync($"/api/patients/{patientId}/regimens", Order(productId, lotId))).StatusCode);
        var labs = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/labs", LiverTestData.HysLawPanel(DateTimeOffset.UtcNow.AddHours(-1)));
        Assert.Equal(HttpStatusCode.Created, labs.StatusCode);

        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpeciosaDbContext>();
        var patient = await db.Patients.SingleAsync(p => p.Id == patientId);
        var start = await scope.ServiceProvider.GetRequiredService<RucamReview>().PrepareAsync(patient, CancellationToken.None);

        var items = start.Worksheet!.Items;
        Assert.Equal(RucamAnsweredBy.Data, items.Single(i => i.Id == "onset").AnsweredBy);
        Assert.Equal(RucamAnsweredBy.Data, items.Single(i => i.Id == "course").AnsweredBy);
    }
}
