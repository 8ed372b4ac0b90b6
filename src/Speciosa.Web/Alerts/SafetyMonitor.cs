namespace Speciosa.Web.Alerts;

/// <summary>Runs <see cref="SafetySweep"/> every <c>Safety:SweepMinutes</c> (default 15) on the injected clock; off with
/// <c>Safety:SweepEnabled=false</c>. On PostgreSQL the sweep takes an advisory lock, so with several instances one runs it.</summary>
public sealed class SafetyMonitor(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<SafetyMonitor> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Safety:SweepEnabled", true))
        {
            return;
        }

        var every = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Safety:SweepMinutes", 15)));
        using var timer = new PeriodicTimer(every, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
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
