using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Speciosa.Web;
using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;
using Speciosa.Web.Demo;
using Speciosa.Web.Identity;

namespace Speciosa.Testing;

/// <summary>The real app on a real Kestrel listener on a free loopback port, over its own SQLite file
/// or PostgreSQL database. This is the same start-up path as <c>dotnet run</c>.</summary>
public sealed class SpeciosaServer : IAsyncDisposable
{
    public const string DemoPassword = "Demo-Test-Password-1";

    /// <summary>The key-ring key of servers started without the demo (32 bytes, base64).</summary>
    public const string TestKeyRingKey = "c3BlY2lvc2EtdGVzdHMta2V5LXJpbmcta2V5LTMyYiE=";

    private readonly string? sqliteFolder;

    private SpeciosaServer(WebApplication app, string? sqliteFolder, string consoleOutput, ServerErrorLog errors)
    {
        Errors = errors;
        App = app;
        this.sqliteFolder = sqliteFolder;
        ConsoleOutput = consoleOutput;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First());
        Running[BaseAddress.GetLeftPart(UriPartial.Authority)] = this;
    }

    private static readonly ConcurrentDictionary<string, SpeciosaServer> Running = new(StringComparer.Ordinal);

    /// <summary>The running test server at <paramref name="address"/> (any URL on it), e.g. for a browser page's sign-in.</summary>
    public static SpeciosaServer? At(string address) =>
        Running.TryGetValue(new Uri(address).GetLeftPart(UriPartial.Authority), out var server) ? server : null;

    /// <summary>demo.admin's TOTP secret (the demo requires a second factor for Admin). The demo derives it from the
    /// key-ring key (<see cref="DemoClinic.AdminTotpSecret"/>), so it is computed here from this server's own key, never
    /// read from configuration.</summary>
    public byte[] DemoAdminTotpSecret => DemoClinic.AdminTotpSecret(Services.GetRequiredService<KeyRingKey>());

    /// <summary>A code of <paramref name="userName"/>'s authenticator (demo.admin's unless <paramref name="secret"/> is given)
    /// for a time step the account has not used yet, at this server's clock: the app refuses a used step (no replay), and
    /// tests sign in many times a minute. Waits for the next 30-second step when the three accepted ones (now and one
    /// either side) are used up.</summary>
    public async Task<string> NextTotpCodeAsync(string userName = "demo.admin", byte[]? secret = null)
    {
        secret ??= DemoClinic.TotpSecretFor(Services.GetRequiredService<KeyRingKey>(), userName);
        var clock = Services.GetRequiredService<TimeProvider>();
        var normalized = userName.ToUpperInvariant();
        for (var attempt = 0; ; attempt++)
        {
            var lastUsed = await QueryAsync(db => db.TwoFactorAuthenticators
                .Where(a => db.Users.Any(u => u.Id == a.UserId && u.NormalizedUserName == normalized))
                .Select(a => (long?)a.LastUsedStep).FirstOrDefaultAsync()) ?? 0;
            var now = clock.GetUtcNow();
            var current = TotpCodes.StepOf(now);
            // The previous step's code only early in a step: it stops working when the next step begins, and a sign-in on
            // a cold server under load can take seconds.
            var oldest = now.ToUnixTimeSeconds() % TotpCodes.StepSeconds < 15 ? current - 1 : current;
            for (var step = oldest; step <= current + 1; step++)
            {
                if (step > lastUsed)
                {
                    return TotpCodes.ComputeForStep(secret, step);
                }
            }

            if (clock != TimeProvider.System || attempt > 3)
            {
                throw new InvalidOperationException($"Every TOTP step {userName} may use at this server's time is used already; advance the test clock by 30 s.");
            }

            var wallClock = DateTimeOffset.UtcNow;
            await Task.Delay(DateTimeOffset.FromUnixTimeSeconds((TotpCodes.StepOf(wallClock) + 1) * TotpCodes.StepSeconds) - wallClock + TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Whether the account signs in with a second factor (so a code must go with its password).</summary>
    public Task<bool> HasTwoFactorAsync(string userName)
    {
        var normalized = userName.ToUpperInvariant();
        return QueryAsync(db => db.TwoFactorAuthenticators.AnyAsync(a => db.Users.Any(u => u.Id == a.UserId && u.NormalizedUserName == normalized)));
    }

    public WebApplication App { get; }

    /// <summary>What the server logged at Error or above.</summary>
    public ServerErrorLog Errors { get; }
    public Uri BaseAddress { get; }
    public IServiceProvider Services => App.Services;

    /// <summary>What start-up printed (demo sign-ins or the setup link).</summary>
    public string ConsoleOutput { get; }

    /// <summary>Path of the SQLite file, when on SQLite.</summary>
    public string? SqlitePath { get; private set; }

    /// <summary>Connection string of the PostgreSQL database, when on PostgreSQL.</summary>
    public string? PostgresConnection { get; private set; }

    /// <summary>The command-line arguments that point another run of the app (e.g. <c>verify-audit</c>) at this
    /// server's database.</summary>
    public string[] DatabaseArguments => PostgresConnection is not null
        ? ["--Database:Provider=Postgres", $"--Database:ConnectionString={PostgresConnection}", $"--Audit:AnchorPath={AnchorPathOf(PostgresConnection)}", $"--Security:KeyRing:Key={TestKeyRingKey}"]
        : ["--Database:Provider=Sqlite", $"--Database:SqlitePath={SqlitePath}", $"--Security:KeyRing:Key={TestKeyRingKey}"];

    /// <summary>Where the audit checkpoints of this server's database are written.</summary>
    public string AnchorPath => Services.GetRequiredService<Speciosa.Web.Audit.AuditAnchors>().Path;

    private static string AnchorPathOf(string postgresConnection) =>
        Path.Combine(Path.GetTempPath(), "speciosa-audit-anchors", new Npgsql.NpgsqlConnectionStringBuilder(postgresConnection).Database + ".jsonl");

    /// <summary>Starts a server. <paramref name="settings"/> are configuration keys such as
    /// <c>Security:MaxFailedSignIns</c>; <paramref name="postgresConnection"/> selects PostgreSQL.</summary>
    public static async Task<SpeciosaServer> StartAsync(
        bool demo = true,
        string? postgresConnection = null,
        IReadOnlyDictionary<string, string>? settings = null,
        string? sqlitePath = null,
        TimeProvider? clock = null,
        Action<IServiceCollection>? services = null)
    {
        var args = new List<string> { "--urls=http://127.0.0.1:0", "--Security:SignInAttemptsPerMinute=10000" };
        string? folder = null;
        if (postgresConnection is not null)
        {
            args.Add("--Database:Provider=Postgres");
            args.Add($"--Database:ConnectionString={postgresConnection}");
        }
        else
        {
            if (sqlitePath is null)
            {
                folder = Path.Combine(Path.GetTempPath(), "speciosa-test-" + Guid.NewGuid().ToString("N")[..12]);
                Directory.CreateDirectory(folder);
                sqlitePath = Path.Combine(folder, "speciosa.db");
            }

            args.Add("--Database:Provider=Sqlite");
            args.Add($"--Database:SqlitePath={sqlitePath}");
        }

        if (demo)
        {
            args.Add("--demo");
            args.Add($"--Demo:Password={DemoPassword}");
        }


        if (settings is null || !settings.Keys.Any(k => k.StartsWith("Security:KeyRing:", StringComparison.Ordinal)))
        {
            // A real clinic must configure the key that encrypts the key ring (and keys the audit chain); tests use a
            // fixed one, so a restart on the same database and the verify-audit command read what the server wrote.
            args.Add($"--Security:KeyRing:Key={TestKeyRingKey}");
        }

        if (postgresConnection is not null)
        {
            // The audit checkpoints of a PostgreSQL database: one file per database, found again after a restart.
            args.Add($"--Audit:AnchorPath={AnchorPathOf(postgresConnection)}");
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            args.Add($"--{key}={value}");
        }

        var errors = new ServerErrorLog();
        var app = SpeciosaApp.Build(args.ToArray(), b =>
        {
            b.Logging.SetMinimumLevel(LogLevel.Warning);
            b.Logging.AddProvider(errors);
            if (clock is not null)
            {
                b.Services.AddSingleton(clock);
            }

            services?.Invoke(b.Services);
        });
        using var console = new StringWriter();
        await SpeciosaApp.InitializeAsync(app, console);
        await app.StartAsync();
        return new SpeciosaServer(app, folder, console.ToString(), errors) { SqlitePath = postgresConnection is null ? sqlitePath : null, PostgresConnection = postgresConnection };
    }

    /// <summary>A client with its own cookie jar that follows no redirects, so tests see what the server says.</summary>
    public HttpClient CreateClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true })
        {
            BaseAddress = BaseAddress,
        };

    /// <summary>A client signed in through the API as the given demo account; demo.admin's second-factor code is computed
    /// from the demo's secret (<see cref="NextTotpCodeAsync"/>).</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName, string password = DemoPassword)
    {
        var client = CreateClient();
        var code = userName is "demo.admin" or "demo.admin2" && await HasTwoFactorAsync(userName) ? await NextTotpCodeAsync(userName) : null;
        var response = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName, password, code });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    /// <summary>Runs <paramref name="query"/> on a DbContext of its own, e.g. to count what a request stored.</summary>
    public async Task<T> QueryAsync<T>(Func<SpeciosaDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<SpeciosaDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        Running.TryRemove(BaseAddress.GetLeftPart(UriPartial.Authority), out _);
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (PostgresConnection is not null)
        {
            // Npgsql's pool outlives the app and keeps its idle connections open for minutes; a run starts many
            // servers, so without this the cluster runs out of connections ("53300: too many clients already").
            await using var connection = new Npgsql.NpgsqlConnection(PostgresConnection);
            Npgsql.NpgsqlConnection.ClearPool(connection);
        }

        if (sqliteFolder is not null)
        {
            try
            {
                Directory.Delete(sqliteFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is left in the temp folder; it does not affect other tests.
            }
        }
    }
}
