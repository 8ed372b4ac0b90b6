using System.Net;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Identity;

/// <summary>The account page's forms posted as a browser would.</summary>
public sealed class UserAdministrationPageTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_new_account_with_a_too_short_user_name_says_so_beside_the_user_name_and_keeps_the_name(Database database)
    {
        var server = await servers.On(database);
        var admin = await server.SignedInClientAsync("demo.admin");

        var response = await admin.PostFormAsync("/admin/users", "create-user", new Dictionary<string, string>
        {
            ["Input.UserName"] = "ab", ["Input.DisplayName"] = "Made-up Colleague", ["Input.Password"] = "Long-enough-password-1", ["Input.Role"] = "Nurse",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"userName-problem\" role=\"alert\"><strong>Problem:</strong> A user name has 3 to 256 characters.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("userName: ", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Made-up Colleague\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await server.QueryAsync(db => db.Users.CountAsync(u => u.DisplayName == "Made-up Colleague")));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Removing_every_role_of_an_account_says_so_in_its_row(Database database)
    {
        var server = await servers.On(database);
        var admin = await server.SignedInClientAsync("demo.admin");
        var nurseId = await server.QueryAsync(db => db.Users.Where(u => u.UserName == "demo.nurse").Select(u => u.Id).SingleAsync());

        var response = await admin.PostFormAsync("/admin/users", $"roles-{nurseId}", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"id=\"roles-{nurseId}-problem\" role=\"alert\"><strong>Problem:</strong> Give at least one role", html, StringComparison.Ordinal);
        Assert.Equal(1, await server.QueryAsync(db => db.Users.Where(u => u.Id == nurseId).SelectMany(u => u.Roles).CountAsync()));
    }
}
