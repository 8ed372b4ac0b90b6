using System.Net;
using System.Net.Http.Json;
using Speciosa.Testing;
using Xunit;

namespace Speciosa.Web.Tests.Http;

/// <summary>Issue 18 item 5: forwarded headers from configured proxies only, Secure cookies and HSTS behind TLS
/// termination, the sign-in limiter keyed on the client's address, and no redirect that takes its host from the
/// request. The HTTP pipeline does not touch the database choice, so these run on SQLite.</summary>
public sealed class BehindProxyTests
{
    private static readonly Dictionary<string, string> Common = new()
    {
        ["AllowedHosts"] = "speciosa.example;127.0.0.1",
        ["Security:Hsts"] = "true",
        ["Security:SignInAttemptsPerMinute"] = "3",
    };

    [Fact]
    public async Task Behind_a_known_proxy_the_client_address_and_https_are_believed()
    {
        await using var server = await SpeciosaServer.StartAsync(settings: new Dictionary<string, string>(Common) { ["Proxy:KnownProxies:0"] = "127.0.0.1" });
        var client = server.CreateClient();

        var signIn = await SignInAsync(client, "203.0.113.7", SpeciosaServer.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("secure", signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("speciosa.session=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
        Assert.True(signIn.Headers.Contains("Strict-Transport-Security"));

        // The limit counts per client behind the proxy: one client's failures do not stop another.
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, "203.0.113.7", "not-the-password-1")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(client, "203.0.113.7", "not-the-password-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, "203.0.113.8", SpeciosaServer.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task Without_a_configured_proxy_forwarded_headers_are_ignored()
    {
        await using var server = await SpeciosaServer.StartAsync(settings: Common);
        var client = server.CreateClient();

        var signIn = await SignInAsync(client, "203.0.113.7", SpeciosaServer.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.DoesNotContain("secure", signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("speciosa.session=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
        Assert.False(signIn.Headers.Contains("Strict-Transport-Security"));

        // A client cannot dodge the limit by claiming another address.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, "203.0.113.1", "not-the-password-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, "203.0.113.2", "not-the-password-1")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(client, "203.0.113.3", "not-the-password-1")).StatusCode);
    }

    [Fact]
    public async Task A_host_outside_the_allowed_list_is_refused_and_redirects_name_no_host()
    {
        await using var server = await SpeciosaServer.StartAsync(settings: Common);
        var client = server.CreateClient();
        using var evil = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in");
        evil.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(evil)).StatusCode);

        var page = await client.GetStringAsync("/account/sign-in");
        var signedIn = await client.PostFormAsync("/account/sign-in", "sign-in", new Dictionary<string, string>
        {
            ["Input.UserName"] = "demo.clinician", ["Input.Password"] = SpeciosaServer.DemoPassword,
        }, page);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string clientAddress, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-in")
        {
            Content = JsonContent.Create(new { userName = "demo.clinician", password }),
        };
        request.Headers.Host = "speciosa.example";
        request.Headers.Add("X-Forwarded-For", clientAddress);
        request.Headers.Add("X-Forwarded-Proto", "https");
        return await client.SendAsync(request);
    }
}
