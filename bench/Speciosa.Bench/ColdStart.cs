using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Speciosa.Testing;

namespace Speciosa.Bench;

/// <summary>Cold start: a fresh process (this program again, in child mode) from process start to the first 200 on
/// <c>/health/ready</c>, then its resident memory after an idle pause. The baseline is an empty ASP.NET Core app
/// started the same way.</summary>
public static class ColdStart
{
    public const string ChildFlag = "--cold-start-child";

    /// <summary>Runs one child; returns (ms to first 200, idle MiB).</summary>
    public static async Task<(double Ms, double IdleMiB)> MeasureAsync(string what, SpeciosaServer server, int idleSeconds)
    {
        var self = Environment.ProcessPath!;
        var psi = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            psi.ArgumentList.Add(typeof(ColdStart).Assembly.Location);
        }

        foreach (var a in new[] { ChildFlag, what, idleSeconds.ToString(CultureInfo.InvariantCulture) }.Concat(server.DatabaseArguments))
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith("COLD ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Cold-start child failed: {output} {await stderr}");
        var parts = line.Split(' ');
        return (double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    /// <summary>The child: <c>--cold-start-child app|empty idleSeconds [database arguments]</c>.</summary>
    public static async Task<int> ChildAsync(string[] args)
    {
        var started = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        var what = args[1];
        var idle = int.Parse(args[2], CultureInfo.InvariantCulture);
        WebApplication app;
        if (what == "empty")
        {
            var builder = WebApplication.CreateBuilder(["--urls=http://127.0.0.1:0"]);
            builder.Logging.ClearProviders();
            app = builder.Build();
            app.MapGet("/health/ready", () => "ok");
            await app.StartAsync();
        }
        else
        {
            var dbArgs = args.Skip(3).ToDictionary(a => a[2..a.IndexOf('=', StringComparison.Ordinal)], a => a[(a.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            var server = await SpeciosaServer.StartAsync(
                postgresConnection: dbArgs.GetValueOrDefault("Database:ConnectionString"),
                sqlitePath: dbArgs.GetValueOrDefault("Database:SqlitePath"),
                settings: new Dictionary<string, string> { ["Safety:SweepEnabled"] = "false" });
            app = server.App;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        while (!(await client.GetAsync("/health/ready")).IsSuccessStatusCode)
        {
            await Task.Delay(5);
        }

        var ms = (DateTime.UtcNow - started).TotalMilliseconds;
        await Task.Delay(TimeSpan.FromSeconds(idle));
        var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(FormattableString.Invariant($"COLD {ms:F0} {process.WorkingSet64 / 1048576.0:F1}"));
        await app.StopAsync();
        return 0;
    }
}
