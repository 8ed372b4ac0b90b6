using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace Speciosa.Testing;

/// <summary>A throwaway PostgreSQL cluster for the test run: initdb into a temp folder, pg_ctl start on a
/// free loopback port, stopped and deleted afterwards. initdb refuses to run as root, so as root the
/// binaries run as Debian's unprivileged 'postgres' user. SPECIOSA_POSTGRES_CONNECTION points at an
/// existing server instead.</summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private string? dataRoot;
    private string? pgCtl;
    private bool runAsPostgresUser;
    private string? startOptions;

    /// <summary>Connection string to the maintenance database, or null when unavailable.</summary>
    public string? AdminConnectionString { get; private set; }

    /// <summary>Why PostgreSQL is not available, when it is not.</summary>
    public string? UnavailableReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable("SPECIOSA_POSTGRES_CONNECTION");
        if (!string.IsNullOrWhiteSpace(external))
        {
            AdminConnectionString = external;
            return;
        }

        var bin = FindBinDirectory();
        if (bin is null)
        {
            UnavailableReason = "PostgreSQL server binaries (initdb, pg_ctl) were not found; install Debian's 'postgresql' package.";
            return;
        }

        runAsPostgresUser = Environment.UserName == "root";
        pgCtl = Path.Combine(bin, "pg_ctl");
        dataRoot = Path.Combine(Path.GetTempPath(), "speciosa-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataRoot);
        if (runAsPostgresUser)
        {
            await RunAsync("chown", ["postgres", dataRoot], asPostgres: false);
        }

        var data = Path.Combine(dataRoot, "data");
        var port = FreePort();
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "speciosa", "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C"], runAsPostgresUser);
        startOptions = $"-p {port} -k {dataRoot} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await StartAgainAsync();
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=speciosa;Database=postgres;Pooling=true;Include Error Detail=false";
    }

    /// <summary>Whether this cluster is ours to stop and start (not an external server).</summary>
    public bool CanStopAndStart => pgCtl is not null && dataRoot is not null;

    /// <summary>Stops the server, as an outage would (connections dropped, new ones refused). A fast, clean stop: this
    /// cluster runs with synchronous_commit off, so an immediate (crash) stop could lose the newest commits, which a real
    /// server with durable commits would keep.</summary>
    public async Task StopAsync()
    {
        await RunAsync(pgCtl!, ["-D", Path.Combine(dataRoot!, "data"), "-m", "fast", "-w", "stop"], runAsPostgresUser);
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Starts the server (again, after <see cref="StopAsync"/>) on its port and data.</summary>
    public async Task StartAgainAsync() =>
        await RunAsync(pgCtl!, ["-D", Path.Combine(dataRoot!, "data"), "-l", Path.Combine(dataRoot!, "server.log"), "-w", "-t", "60",
            "-o", startOptions!, "start"], runAsPostgresUser);

    /// <summary>Skips (or fails, when required) the calling test if PostgreSQL is not available.</summary>
    public void SkipIfUnavailable()
    {
        if (AdminConnectionString is null)
        {
            TestEnvironment.SkipOrFail(TestEnvironment.RequirePostgres, UnavailableReason ?? "PostgreSQL is not available.");
        }
    }

    /// <summary>A new, empty database for one test class; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        SkipIfUnavailable();
        var name = "speciosa_" + Guid.NewGuid().ToString("N")[..16];
        await using (var conn = new NpgsqlConnection(AdminConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    private string? standbyData;

    /// <summary>Starts a streaming-replication standby of this cluster (pg_basebackup over loopback, then a hot standby on a
    /// port of its own) and returns its port. Databases made on this cluster afterwards reach it through the WAL stream.
    /// PostgreSQL's defaults (wal_level=replica, max_wal_senders=10, hot_standby=on, initdb's trusted loopback
    /// replication entries) are all it needs.</summary>
    public async Task<int> StartStandbyAsync()
    {
        SkipIfUnavailable();
        if (!CanStopAndStart)
        {
            TestEnvironment.SkipOrFail(TestEnvironment.RequirePostgres, "A standby needs a cluster of the test run's own (not SPECIOSA_POSTGRES_CONNECTION).");
        }

        var bin = Path.GetDirectoryName(pgCtl!)!;
        var primary = new NpgsqlConnectionStringBuilder(AdminConnectionString);
        standbyData = Path.Combine(dataRoot!, "standby");
        await RunAsync(Path.Combine(bin, "pg_basebackup"),
            ["-h", "127.0.0.1", "-p", primary.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "speciosa",
             "-D", standbyData, "-R", "-X", "stream", "--no-sync"], runAsPostgresUser);
        var port = FreePort();
        await RunAsync(pgCtl!, ["-D", standbyData, "-l", Path.Combine(dataRoot!, "standby.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {dataRoot} -c listen_addresses=127.0.0.1 -c fsync=off -c hot_standby=on", "start"], runAsPostgresUser);
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (standbyData is not null)
        {
            await RunAsync(pgCtl!, ["-D", standbyData, "-m", "immediate", "-w", "stop"], runAsPostgresUser);
        }

        if (pgCtl is not null && dataRoot is not null)
        {
            try
            {
                await RunAsync(pgCtl, ["-D", Path.Combine(dataRoot, "data"), "-m", "immediate", "-w", "stop"], runAsPostgresUser);
            }
            finally
            {
                Directory.Delete(dataRoot, recursive: true);
            }
        }
    }

    private static string? FindBinDirectory()
    {
        var candidates = new List<string>();
        var fromEnv = Environment.GetEnvironmentVariable("SPECIOSA_POSTGRES_BIN");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            candidates.Add(fromEnv);
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal).Select(d => Path.Combine(d, "bin")));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> args, bool asPostgres)
    {
        var psi = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                psi.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        // pg_ctl leaves the server holding inherited pipes; read stdout/stderr without waiting for EOF.
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            var err = await Task.WhenAny(stderr, Task.Delay(2000)) == stderr ? await stderr : "";
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed with exit code {process.ExitCode}: {err}");
        }

        _ = stdout;
    }
}
