using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Speciosa.Testing;
using Speciosa.Web.Withdrawal;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.Patients;

/// <summary>Issue 15 item 4 on a phone: the patient list sorts by last score from its column header, lowest first and then highest
/// first, the header saying which (aria-sort), patients with no score last; the page fits 375 px and axe-core finds nothing
/// serious.</summary>
public sealed class PatientListSortPageTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_clinician_sorts_the_patient_list_by_last_score_both_ways_on_a_phone(Database database)
    {
        var server = await servers.On(database);
        var api = await server.SignedInClientAsync("demo.clinician");
        var name = "Phonesort" + Guid.NewGuid().ToString("N")[..5];
        var low = await PatientTestData.EnrolAsync(api, name + "low");
        var high = await PatientTestData.EnrolAsync(api, name + "high");
        await PatientTestData.EnrolAsync(api, name + "none");
        var now = DateTimeOffset.UtcNow;
        await server.QueryAsync(async db =>
        {
            var clinician = await db.Users.Where(u => u.UserName == "demo.clinician").Select(u => u.Id).FirstAsync();
            foreach (var (patient, total) in new[] { (low, 3), (high, 27) })
            {
                db.Add(new Assessment
                {
                    Id = Guid.NewGuid(), PatientId = patient, InstrumentId = "cows", InstrumentVersion = 1, AnswersJson = "{}", Total = total,
                    AssessedAt = now.AddHours(-1), RecordedAt = now, RatedByUserId = clinician,
                });
            }

            return await db.SaveChangesAsync();
        });

        await using var context = await browser.NewContextAsync(server, width: 375, height: 800);
        await Axe.AddToAsync(context);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.clinician");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Patients", Exact = true }).ClickAsync();
        await page.GetByLabel("Name contains").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var names = page.Locator("table.data tbody tr td:first-child");
        await Expect(names).ToHaveCountAsync(3);

        var header = page.Locator("th", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Last score" }) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Last score" }).ClickAsync();
        await Expect(header).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(names).ToHaveTextAsync([$"{name}low, Test", $"{name}high, Test", $"{name}none, Test"]);
        await Expect(page.Locator("caption")).ToContainTextAsync("lowest last score first");
        await Expect(page.Locator("td[data-column=lastScore]").First).ToContainTextAsync("COWS 3");

        await page.GetByRole(AriaRole.Button, new() { Name = "Last score" }).ClickAsync();
        await Expect(header).ToHaveAttributeAsync("aria-sort", "descending");
        await Expect(names).ToHaveTextAsync([$"{name}high, Test", $"{name}low, Test", $"{name}none, Test"]);
        await Expect(page.Locator("td[data-column=lastScore]").Last).ToHaveTextAsync("—");

        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await BrowserSession.ExpectFitsWidthAsync(page, "The patient list sorted by last score scrolls sideways on a 375 px phone.");
    }
}
