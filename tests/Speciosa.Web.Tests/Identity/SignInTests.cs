using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Testing;
using Speciosa.Web.Identity;
using Xunit;

namespace Speciosa.Web.Tests.Identity;

public sealed class SignInTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_demo_clinician_signs_in_and_sees_who_they_are(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal("demo.clinician", me.GetProperty("userName").GetString());
        Assert.Equal(["Clinician"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString() ?? "").ToArray());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_wrong_password_and_an_unknown_account_get_the_same_401_problem(Database database)
    {
        var server = await servers.On(database);
        var client = server.CreateClient();
        var wrong = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = "demo.nurse", password = "not-the-password-1" });
        var unknown = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = "nobody.here", password = "not-the-password-1" });

        var wrongBody = await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var unknownBody = await unknown.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(wrongBody.GetProperty("detail").GetString(), unknownBody.GetProperty("detail").GetString());
        Assert.DoesNotContain("demo.nurse", wrongBody.ToString(), StringComparison.Ordinal);
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_api_call_without_sign_in_is_401_not_a_redirect(Database database)
    {
        var server = await servers.On(database);
        var response = await server.CreateClient().GetAsync("/api/auth/me");
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_page_without_sign_in_redirects_to_the_sign_in_page(Database database)
    {
        var server = await servers.On(database);
        var response = await server.CreateClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_clinician_asking_for_an_admin_endpoint_gets_403(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.clinician");
        var response = await client.GetAsync("/api/audit/verify");
        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Signing_out_ends_the_session(Database database)
    {
        var server = await servers.On(database);
        var client = await server.SignedInClientAsync("demo.quality");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/sign-out", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_sign_in_page_signs_a_person_in_through_its_form(Database database)
    {
        var server = await servers.On(database);
        var client = server.CreateClient();
        var page = await client.GetStringAsync("/account/sign-in");
        var token = HtmlForm.AntiforgeryToken(page);
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = "demo.clinician",
            ["Input.Password"] = SpeciosaServer.DemoPassword,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var home = await client.GetStringAsync("/");
        Assert.Contains("Dr Casey Clinician (demo)", home, StringComparison.Ordinal);
        Assert.Contains("DEMO", home, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_sign_in_page_answers_a_wrong_password_with_a_message_and_no_echoed_password(Database database)
    {
        var server = await servers.On(database);
        var client = server.CreateClient();
        var token = HtmlForm.AntiforgeryToken(await client.GetStringAsync("/account/sign-in"));
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = "demo.researcher",
            ["Input.Password"] = "wrong-password-123",
        }));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("user name or password is wrong", html, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password-123", html, StringComparison.Ordinal);
    }
}

public sealed class LockoutAndRateLimitTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Repeated_failures_make_that_source_wait_so_even_the_right_password_fails_from_it(Database database)
    {
        await using var server = await servers.StartAsync(database, settings: new Dictionary<string, string> { ["Security:MaxFailedSignIns"] = "3" });
        var client = server.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            var failed = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = "demo.nurse", password = "wrong-password-1" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var right = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = "demo.nurse", password = SpeciosaServer.DemoPassword });
        await right.AssertProblemAsync(HttpStatusCode.Unauthorized);

        var admin = await server.SignedInClientAsync("demo.admin");
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users");
        var nurse = users.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "demo.nurse");
        Assert.True(nurse.GetProperty("lockedOut").GetBoolean());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_wait_passes_by_itself_and_grows_with_each_further_failure(Database database)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var server = await servers.StartAsync(database, clock: clock, settings: new Dictionary<string, string>
        {
            ["Security:MaxFailedSignIns"] = "2",
            ["Security:SignInDelaySeconds"] = "30",
            ["Security:LockoutMinutes"] = "15",
        });
        var client = server.CreateClient();
        await FailAsync(client, "demo.quality", 2);
        clock.Advance(TimeSpan.FromSeconds(31));
        await FailAsync(client, "demo.quality", 1); // third failure: the wait doubles to 60 s

        clock.Advance(TimeSpan.FromSeconds(45));
        await (await SignInAsync(client, "demo.quality")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        clock.Advance(TimeSpan.FromSeconds(16));
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, "demo.quality")).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Failed_sign_ins_never_stop_the_accounts_api_tokens(Database database)
    {
        await using var server = await servers.StartAsync(database, settings: new Dictionary<string, string> { ["Security:MaxFailedSignIns"] = "2" });
        var clinician = await server.SignedInClientAsync("demo.clinician");
        var created = await clinician.PostAsJsonAsync("/api/account/tokens", new { name = "script", expiresInDays = 7 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString();

        await FailAsync(server.CreateClient(), "demo.clinician", 3);

        var script = server.CreateClient();
        script.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/auth/me")).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task An_admin_unlock_lets_the_person_sign_in_again_at_once(Database database)
    {
        await using var server = await servers.StartAsync(database, settings: new Dictionary<string, string> { ["Security:MaxFailedSignIns"] = "2" });
        var person = server.CreateClient();
        await FailAsync(person, "demo.researcher", 2);
        await (await SignInAsync(person, "demo.researcher")).AssertProblemAsync(HttpStatusCode.Unauthorized);

        var admin = await server.SignedInClientAsync("demo.admin");
        var researcher = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/users")).GetProperty("items").EnumerateArray()
            .Single(u => u.GetProperty("userName").GetString() == "demo.researcher");
        Assert.True(researcher.GetProperty("lockedOut").GetBoolean());
        var unlock = await admin.PostAsync($"/api/admin/users/{researcher.GetProperty("id").GetGuid()}/unlock", null);
        Assert.Equal(HttpStatusCode.OK, unlock.StatusCode);
        Assert.False((await unlock.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lockedOut").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(person, "demo.researcher")).StatusCode);
    }

    [Theory]
    [InlineData(4, null)]
    [InlineData(5, 30)]
    [InlineData(6, 60)]
    [InlineData(7, 120)]
    [InlineData(9, 480)]
    [InlineData(10, 900)]
    [InlineData(60, 900)]
    public void The_wait_starts_at_the_limit_doubles_with_each_failure_and_stops_at_the_cap(int failures, int? seconds)
    {
        var delay = Speciosa.Web.Identity.SignInThrottle.DelayAfter(failures, 5, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(15));
        Assert.Equal(seconds is null ? null : TimeSpan.FromSeconds(seconds.Value), delay);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName) =>
        client.PostAsJsonAsync("/api/auth/sign-in", new { userName, password = SpeciosaServer.DemoPassword });

    private static async Task FailAsync(HttpClient client, string userName, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var failed = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName, password = "wrong-password-1" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Too_many_sign_in_attempts_from_one_address_get_429(Database database)
    {
        await using var server = await servers.StartAsync(database, settings: new Dictionary<string, string> { ["Security:SignInAttemptsPerMinute"] = "2" });
        var client = server.CreateClient();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName = "x.y", password = "whatever-123" });
        }

        await last.AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }
}

public sealed class SessionTimeoutTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_session_idle_longer_than_the_timeout_must_sign_in_again(Database database)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var server = await servers.StartAsync(database, clock: clock, settings: new Dictionary<string, string> { ["Security:IdleTimeoutMinutes"] = "20" });
        var client = await server.SignedInClientAsync("demo.clinician");

        clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(21));
        await (await client.GetAsync("/api/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_session_ends_after_the_absolute_lifetime_even_while_it_is_in_use(Database database)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var server = await servers.StartAsync(database, clock: clock, settings: new Dictionary<string, string>
        {
            ["Security:IdleTimeoutMinutes"] = "20",
            ["Security:AbsoluteSessionHours"] = "1",
        });
        var client = await server.SignedInClientAsync("demo.clinician");

        for (var minutes = 15; minutes < 60; minutes += 15)
        {
            clock.Advance(TimeSpan.FromMinutes(15));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(16));
        await (await client.GetAsync("/api/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var ended = await server.QueryAsync(db => db.UserSessions.SingleAsync());
        Assert.Equal(UserSessions.Expired, ended.EndReason);
    }
}

public sealed class SignOutTests(DemoServers servers) : IClassFixture<DemoServers>
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_copied_session_cookie_answers_401_once_its_owner_has_signed_out(Database database)
    {
        var server = await servers.On(database);
        var (owner, copy) = await SignedInWithCopyAsync(server, "demo.nurse");
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/auth/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync("/api/auth/sign-out", null)).StatusCode);

        await (await copy.GetAsync("/api/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Signing_out_of_one_session_leaves_the_same_persons_other_session_signed_in(Database database)
    {
        var server = await servers.On(database);
        var laptop = await server.SignedInClientAsync("demo.quality");
        var desk = await server.SignedInClientAsync("demo.quality");

        await laptop.PostAsync("/api/auth/sign-out", null);

        await (await laptop.GetAsync("/api/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync("/api/auth/me")).StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_copied_cookie_cannot_open_a_page_after_sign_out_from_the_page_button(Database database)
    {
        var server = await servers.On(database);
        var (owner, copy) = await SignedInWithCopyAsync(server, "demo.clinician");
        var home = await owner.GetAsync("/");
        var token = HtmlForm.AntiforgeryToken(await home.Content.ReadAsStringAsync());

        var signOut = await owner.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var page = await copy.GetAsync("/patients");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/sign-in", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>Signs in as <paramref name="userName"/> and returns that client with a second one that sends the same
    /// session cookie by hand, as a stolen or copied cookie would be sent.</summary>
    private static async Task<(HttpClient Owner, HttpClient Copy)> SignedInWithCopyAsync(SpeciosaServer server, string userName)
    {
        var owner = server.CreateClient();
        var signIn = await owner.PostAsJsonAsync("/api/auth/sign-in", new { userName, password = SpeciosaServer.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("speciosa.session=", StringComparison.Ordinal));
        var copy = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.BaseAddress };
        copy.DefaultRequestHeaders.Add("Cookie", cookie[..cookie.IndexOf(';', StringComparison.Ordinal)]);
        return (owner, copy);
    }
}
