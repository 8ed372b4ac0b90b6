using System.Net;
using System.Text.RegularExpressions;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Identity;

public sealed partial class FirstAdministratorTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_empty_installation_prints_a_one_time_setup_link_and_ships_no_password(Database database)
    {
        await using var server = await servers.StartAsync(database, demo: false);
        var match = SetupLink().Match(server.ConsoleOutput);
        Assert.True(match.Success, server.ConsoleOutput);
        var token = Uri.UnescapeDataString(match.Groups[1].Value);

        var client = server.CreateClient();
        var page = await client.GetStringAsync($"/setup?token={Uri.EscapeDataString(token)}");
        var form = new Dictionary<string, string>
        {
            ["_handler"] = "setup",
            ["__RequestVerificationToken"] = HtmlForm.AntiforgeryToken(page),
            ["Input.Token"] = token,
            ["Input.ClinicName"] = "Harbour Clinic",
            ["Input.TimeZone"] = "Europe/Berlin",
            ["Input.UserName"] = "first.admin",
            ["Input.DisplayName"] = "First Admin",
            ["Input.Password"] = "a-long-password-42",
        };
        var done = await client.PostAsync("/setup", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("are ready", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var admin = await server.SignedInClientAsync("first.admin", "a-long-password-42");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/audit/verify")).StatusCode);

        // The link is spent.
        var again = await server.CreateClient().GetAsync($"/setup?token={Uri.EscapeDataString(token)}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_setup_with_a_weak_password_creates_nothing_and_says_why(Database database)
    {
        await using var server = await servers.StartAsync(database, demo: false);
        var token = Uri.UnescapeDataString(SetupLink().Match(server.ConsoleOutput).Groups[1].Value);
        var client = server.CreateClient();
        var page = await client.GetStringAsync($"/setup?token={Uri.EscapeDataString(token)}");
        var response = await client.PostAsync("/setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "setup",
            ["__RequestVerificationToken"] = HtmlForm.AntiforgeryToken(page),
            ["Input.Token"] = token,
            ["Input.ClinicName"] = "Harbour Clinic",
            ["Input.UserName"] = "first.admin",
            ["Input.DisplayName"] = "First Admin",
            ["Input.Password"] = "short",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Password", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Still valid: nothing was created.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/setup?token={Uri.EscapeDataString(token)}")).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_demo_prints_its_sign_ins_once(Database database)
    {
        var demoDatabase = await servers.NewDatabaseAsync(database);
        await using (var first = await demoDatabase.StartServerAsync())
        {
            Assert.Contains("demo.clinician", first.ConsoleOutput, StringComparison.Ordinal);
        }

        await using (var second = await demoDatabase.StartServerAsync())
        {
            Assert.DoesNotContain("demo.clinician", second.ConsoleOutput, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await (await second.SignedInClientAsync("demo.clinician")).GetAsync("/api/auth/me")).StatusCode);
        }
    }

    [GeneratedRegex(@"/setup\?token=(\S+)")]
    private static partial Regex SetupLink();
}
