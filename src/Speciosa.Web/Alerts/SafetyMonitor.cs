using Speciosa.Web.Data;

namespace Speciosa.Web.Alerts;

/// <summary>Runs <see cref="SafetySweep"/> every <c>Safety:SweepMinutes</c> (default 15) on the injected clock; off with
/// <c>Safety:SweepEnabled=false</c>. With several instances on one database each period is swept once, not once per
/// instance: an instance sweeps only when it claims the period's lease (<see cref="JobLeases"/>), which lasts the period
/// less a tenth (at most a minute) so the next tick of whichever instance comes first finds it expired. The sweep's own
/// advisory lock (PostgreSQL) still keeps a sweep started by hand from overlapping one started here.</summary>
public sealed class SafetyMonitor(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<SafetyMonitor> log)
    : BackgroundService
{
    public const string LeaseName = "safety-sweep";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Safety:SweepEnabled", true))
        {
            return;
        }

        var every = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Safety:SweepMinutes", 15)));
        var lease = every - TimeSpan.FromTicks(Math.Min(every.Ticks / 10, TimeSpan.TicksPerMinute));
        using var timer = new PeriodicTimer(every, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (!await scope.ServiceProvider.GetRequiredService<JobLeases>().TryClaimAsync(LeaseName, JobLeases.ThisInstance, lease, stoppingToken))
                {
                    log.LogInformation("Safety sweep: another instance has this period.");
                    continue;
                }

                var outcome = await scope.ServiceProvider.GetRequiredService<SafetySweep>().RunAsync(stoppingToken);
                log.LogInformation("Safety sweep: ran {Ran}, {Patients} patients, {Raised} raised, {Resolved} resolved.",
                    outcome.Ran, outcome.Patients, outcome.Raised, outcome.Resolved);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Counts and type only: never patient data in the log.
                log.LogError("Safety sweep failed: {Error}.", ex.GetType().Name);
            }
        }
    }
}
