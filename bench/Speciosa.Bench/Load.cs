using System.Diagnostics;

namespace Speciosa.Bench;

/// <summary>What one timed run measured.</summary>
public sealed record RunResult(long Operations, long Errors, double Seconds, double P50Ms, double P99Ms, double CpuMsPerOp, double PeakMiB)
{
    public double PerSecond => Operations / Seconds;
}

/// <summary>A closed-loop load generator: <c>connections</c> workers each run the operation back to back until the time
/// is up. It runs in the same process as the app, so the CPU per operation is the whole process's CPU (app, load
/// generator and baseline drivers alike) divided by the operations served; the static-file baseline pays the same
/// client cost, which is why ratios, not absolute figures, are the result.</summary>
public static class Load
{
    public static async Task<RunResult> RunAsync(Func<int, CancellationToken, Task<bool>> operation, int connections, TimeSpan duration)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        long peak = process.WorkingSet64;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                try
                {
                    await Task.Delay(100, stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });

        var latencies = new List<long>[connections];
        var errors = new long[connections];
        var counter = 0;
        var clock = Stopwatch.StartNew();
        var deadline = duration.Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond;
        var workers = Enumerable.Range(0, connections).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<long>(4096);
            while (clock.ElapsedTicks < deadline)
            {
                var n = Interlocked.Increment(ref counter);
                var start = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await operation(n, CancellationToken.None);
                }
                catch (Exception e) when (e is HttpRequestException or System.Data.Common.DbException or IOException or TaskCanceledException or InvalidOperationException)
                {
                    ok = false;
                }

                mine.Add(Stopwatch.GetTimestamp() - start);
                if (!ok)
                {
                    errors[w]++;
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await sampler;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var ops = all.Length;
        return new RunResult(ops, errors.Sum(), seconds, Percentile(all, 0.50), Percentile(all, 0.99),
            ops == 0 ? 0 : cpu.TotalMilliseconds / ops, peak / 1048576.0);
    }

    private static double Percentile(long[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)] * 1000.0 / Stopwatch.Frequency;

    public static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length == 0 ? double.NaN : v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }
}
