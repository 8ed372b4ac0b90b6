using System.Net;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Medicines;

/// <summary>The medicines page form posted as a browser would.</summary>
public sealed class MedicinePageFormTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_medicines_form_adds_medicines_and_tells_found_interactions_no_known_interaction_and_no_data_apart_in_words(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Medform");
        var rules = Speciosa.Clinical.Medicines.InteractionRuleBase.Default;
        var rule = rules.MedicineRules.First(r => r.Classes.Count > 0);
        var uncovered = Speciosa.Clinical.Medicines.DrugClassCatalogue.Default.Classes
            .FirstOrDefault(c => !c.Broad && !rules.Rules.Any(r => r.CoversClass(c.Id)));
        var path = $"/patients/{id}/medicines";

        var page = await client.FollowAsync(await client.PostFormAsync(path, "medicine",
            [new("Input.Name", "Madeupzolam"), new("Input.RxNorm", ""), new("Input.Classes", rule.Classes[0])]));
        Assert.Contains("Medicine added and screened", page, StringComparison.Ordinal);
        Assert.Contains("Interactions found:", page, StringComparison.Ordinal);
        Assert.Contains(rule.Id, page, StringComparison.Ordinal);
        Assert.Contains("Evidence:", page, StringComparison.Ordinal);
        Assert.Contains("Sources:", page, StringComparison.Ordinal);

        page = await client.FollowAsync(await client.PostFormAsync(path, "medicine", [new("Input.Name", "Made-up tonic"), new("Input.RxNorm", "")]));
        Assert.Contains("No data: the medicine is not in the class catalogue", page, StringComparison.Ordinal);

        if (uncovered is not null)
        {
            page = await client.FollowAsync(await client.PostFormAsync(path, "medicine",
                [new("Input.Name", "Madeupstatin"), new("Input.RxNorm", "123"), new("Input.Classes", uncovered.Id)]));
            Assert.Contains("No known interaction in this rule base", page, StringComparison.Ordinal);
        }

        Assert.Equal(uncovered is null ? 2 : 3, await server.QueryAsync(db => db.PatientMedicines.CountAsync(m => m.PatientId == id)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_medicine_without_a_name_or_with_a_bad_rxnorm_stores_nothing_and_says_so_beside_the_fields(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var id = await PatientTestData.EnrolAsync(client, "Medbad");

        var response = await client.PostFormAsync($"/patients/{id}/medicines", "medicine", [new("Input.Name", " "), new("Input.RxNorm", "RX-1")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"name-problem\" role=\"alert\"><strong>Problem:</strong> The medicine or substance name", page, StringComparison.Ordinal);
        Assert.Contains("id=\"rxNorm-problem\" role=\"alert\"><strong>Problem:</strong> An RxNorm concept id (digits only)", page, StringComparison.Ordinal);
        Assert.Equal(0, await server.QueryAsync(db => db.PatientMedicines.CountAsync(m => m.PatientId == id)));
    }
}
