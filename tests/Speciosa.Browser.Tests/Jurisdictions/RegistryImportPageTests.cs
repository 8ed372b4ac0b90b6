using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Speciosa.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Speciosa.Browser.Tests.Jurisdictions;

/// <summary>Issue 15 item 8 on a phone: an administrator imports a file that raises Utah's minimum age; the page says the entry
/// was not applied and waits for a second administrator, linking the proposal. axe-core finds nothing serious.</summary>
public sealed class RegistryImportPageTests(BrowserSession browser, DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_imported_age_rise_is_reported_as_waiting_for_a_second_administrator_with_a_link_to_it(Database database)
    {
        var server = await servers.On(database);
        var api = await server.SignedInClientAsync("demo.admin");
        var file = JsonNode.Parse(await api.GetStringAsync("/api/jurisdictions/export"))!;
        file["entries"]!.AsArray().Single(e => e!["id"]!.GetValue<string>() == "us-ut-2019-05-14")!["minimumAge"] = 25;
        await using var context = await browser.NewContextAsync(server, width: 375, height: 800);
        await Axe.AddToAsync(context);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "demo.admin");
        await page.GotoAsync("/jurisdictions/import");

        await page.GetByLabel("Registry file (JSON)").SetInputFilesAsync(new FilePayload
        {
            Name = "registry.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(file.ToJsonString()),
        });
        await page.GetByLabel("Reason for the change").FillAsync("Age raised (made-up test)");
        await page.GetByLabel("This changes the legal status used for every patient").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();

        var result = page.GetByTestId("import-result");
        await Expect(result).ToContainTextAsync("1 entry refuses supply and was not applied: it waits for a second administrator to approve it.");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await BrowserSession.ExpectFitsWidthAsync(page, "The import page scrolls sideways on a 375 px phone.");
        await result.GetByRole(AriaRole.Link, new() { Name = "Change to us-ut-2019-05-14" }).ClickAsync();
        await Expect(page.GetByText("Age raised (made-up test)").First).ToBeVisibleAsync();
    }
}
