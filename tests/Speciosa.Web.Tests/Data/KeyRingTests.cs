using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Speciosa.Testing;
using Speciosa.Web.Data;
using Xunit;

namespace Speciosa.Web.Tests.Data;

/// <summary>Issue 18 item 2: the data-protection key ring is in the database, encrypted with a key that is not.</summary>
public sealed class KeyRingTests(DemoServers servers) : IClassFixture<DemoServers>
{
    private static readonly string ClinicKey = KeyRingKey.NewKeyText();
    private static readonly string OtherKey = KeyRingKey.NewKeyText();

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task A_copy_of_the_database_without_the_clinics_key_cannot_accept_its_session_cookie(Database database)
    {
        var data = await servers.NewDatabaseAsync(database);
        string cookie;
        await using (var clinic = await data.StartServerAsync(settings: WithKey(ClinicKey)))
        {
            cookie = await SessionCookieAsync(clinic, "demo.admin");
        }

        await using (var copy = await data.StartServerAsync(settings: WithKey(OtherKey)))
        {
            await (await MeAsync(copy, cookie)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        }

        // The same database with the clinic's key still reads the cookie: the key made the difference.
        await using (var clinic = await data.StartServerAsync(settings: WithKey(ClinicKey)))
        {
            Assert.Equal(HttpStatusCode.OK, (await MeAsync(clinic, cookie)).StatusCode);
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task The_key_ring_in_the_database_holds_no_key_in_the_clear(Database database)
    {
        var server = await servers.On(database);
        await SessionCookieAsync(server, "demo.clinician");

        var rows = await server.QueryAsync(db => Task.FromResult(db.DataProtectionKeys.Select(k => k.Xml).ToList()));

        Assert.NotEmpty(rows);
        Assert.All(rows, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains("speciosaEncryptedKey", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_demo_without_a_configured_key_makes_one_beside_its_database_and_reads_its_cookies_after_a_restart()
    {
        var data = await servers.NewDatabaseAsync(Database.Sqlite);
        var keyFile = Path.Combine(Path.GetDirectoryName(data.SqlitePath)!, "speciosa.keyring.key");
        string cookie;
        await using (var demo = await data.StartServerAsync(settings: NoKey))
        {
            cookie = await SessionCookieAsync(demo, "demo.nurse");
        }

        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        var written = await File.ReadAllTextAsync(keyFile);
        await using (var again = await data.StartServerAsync(settings: NoKey))
        {
            Assert.Equal(HttpStatusCode.OK, (await MeAsync(again, cookie)).StatusCode);
        }

        Assert.Equal(written, await File.ReadAllTextAsync(keyFile));
    }

    [Fact]
    public async Task A_clinic_without_a_key_ring_key_refuses_to_start_and_says_which_setting_to_set()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SpeciosaServer.StartAsync(demo: false, settings: new Dictionary<string, string> { [KeyRingKey.KeySetting] = "" }));

        Assert.Contains(KeyRingKey.FileSetting, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("c2hvcnQ=")]
    public void A_key_that_is_not_32_bytes_of_base64_is_refused_by_name(string text)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [KeyRingKey.KeySetting] = text })
            .Build();

        var error = Assert.Throws<InvalidOperationException>(() => KeyRingKey.Load(configuration, new HostingEnvironment { EnvironmentName = Environments.Production }));

        Assert.Contains(KeyRingKey.KeySetting, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(text, error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> WithKey(string key) => new() { [KeyRingKey.KeySetting] = key };

    private static readonly Dictionary<string, string> NoKey = new() { [KeyRingKey.KeySetting] = "" };

    private static async Task<string> SessionCookieAsync(SpeciosaServer server, string userName)
    {
        // demo.admin has a second factor in the demo: its code comes from the server's own key.
        var code = await server.HasTwoFactorAsync(userName) ? await server.NextTotpCodeAsync(userName) : null;
        var response = await server.CreateClient().PostAsJsonAsync("/api/auth/sign-in", new { userName, password = SpeciosaServer.DemoPassword, code });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("speciosa.session=", StringComparison.Ordinal));
        return cookie[..cookie.IndexOf(';', StringComparison.Ordinal)];
    }

    private static async Task<HttpResponseMessage> MeAsync(SpeciosaServer server, string cookie)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}
