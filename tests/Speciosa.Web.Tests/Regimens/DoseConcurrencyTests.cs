using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Testing;
using Xunit;
using static Speciosa.Testing.RegimenTestData;

namespace Speciosa.Web.Tests.Regimens;

/// <summary>The daily limit holds when many staff doses arrive at once: found in testing, 20 parallel doses
/// against an order that allowed one more stored up to 7 (14 g against 3 doses / 6 g a day).</summary>
public sealed class DoseConcurrencyTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory]
    [ClassData(typeof(BothDatabases))]
    public async Task Twenty_parallel_staff_doses_when_the_order_allows_one_more_store_exactly_one_and_refuse_the_rest(Database database)
    {
        var server = await servers.On(database);
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var (patientId, lotId) = await PatientOnAnOrderAsync(clinician);
        // The order: 2 g an administration, at most 6 g and 3 administrations a day. Two are given first.
        for (var i = 0; i < 2; i++)
        {
            var given = await clinician.PostAsJsonAsync($"/api/patients/{patientId}/doses", new { grams = 2m, lotId });
            Assert.Equal(HttpStatusCode.Created, given.StatusCode);
        }

        var nurses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => server.SignedInClientAsync("demo.nurse")));
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            nurses[i % nurses.Length].PostAsJsonAsync($"/api/patients/{patientId}/doses", new { grams = 2m, lotId })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        await using var scope = server.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<SpeciosaDbContext>();
        Assert.Equal(3, await data.Doses.CountAsync(d => d.PatientId == patientId));
        var log = await clinician.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/doses");
        Assert.Equal(3, log.GetProperty("total").GetInt32());
    }
}
