using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;

namespace Speciosa.Web.Audit;

/// <summary>One signed checkpoint of the chain's head, as written outside the database.</summary>
public sealed record AuditCheckpoint(long Sequence, string Hash, DateTimeOffset At);

/// <summary>What the anchor file says: its good checkpoints, and the lines that are not (forged or damaged).</summary>
public sealed record AuditAnchorReading(string Path, bool Exists, IReadOnlyList<AuditCheckpoint> Checkpoints, IReadOnlyList<int> BadLines);

/// <summary>
/// Anchors the audit chain outside the database (issue 18 item 1): a checkpoint of the chain's head (sequence, hash,
/// time), signed with a key the database does not hold (<see cref="AuditSeal"/>), appended as one JSON line to a file
/// opened for appending only (<c>Audit:AnchorPath</c>; by default beside the SQLite file, <c>data/&lt;database&gt;.audit-anchors.jsonl</c>).
/// The verifier checks the database against the newest checkpoints, so removing the newest rows, rewriting rows and
/// their hashes, or emptying the log is reported even though the chain left in the database is consistent.
/// </summary>
public sealed class AuditAnchors(IServiceScopeFactory scopes, AuditSeal seal, TimeProvider clock, IConfiguration configuration)
{
    private static readonly SemaphoreSlim WriteLock = new(1, 1);

    public string Path { get; } = System.IO.Path.GetFullPath(configuration["Audit:AnchorPath"] is { Length: > 0 } configured
        ? configured
        : DefaultPath(configuration));

    /// <summary>Appends a checkpoint of the current head unless the newest checkpoint already has it; returns it.</summary>
    public async Task<AuditCheckpoint> CheckpointAsync(CancellationToken ct = default)
    {
        await WriteLock.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SpeciosaDbContext>();
            var head = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence)
                .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
            var checkpoint = new AuditCheckpoint(head?.Sequence ?? 0, head?.Hash ?? AuditHash.Genesis, clock.GetUtcNow());
            var newest = Read().Checkpoints.LastOrDefault();
            if (newest is not null && newest.Sequence == checkpoint.Sequence && newest.Hash == checkpoint.Hash)
            {
                return newest;
            }

            var line = JsonSerializer.Serialize(new Line(checkpoint.Sequence, checkpoint.Hash, checkpoint.At.ToString("O", CultureInfo.InvariantCulture),
                seal.SignCheckpoint(Payload(checkpoint.Sequence, checkpoint.Hash, checkpoint.At.ToString("O", CultureInfo.InvariantCulture)))));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            await using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            await file.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), ct);
            file.Flush(flushToDisk: true);
            return checkpoint;
        }
        finally
        {
            WriteLock.Release();
        }
    }

    public AuditAnchorReading Read()
    {
        if (!File.Exists(Path))
        {
            return new AuditAnchorReading(Path, false, [], []);
        }

        var good = new List<AuditCheckpoint>();
        var bad = new List<int>();
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            try
            {
                var line = JsonSerializer.Deserialize<Line>(text);
                if (line is not null && seal.CheckpointSignatureMatches(Payload(line.Sequence, line.Hash, line.At), line.Signature)
                    && DateTimeOffset.TryParse(line.At, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
                {
                    good.Add(new AuditCheckpoint(line.Sequence, line.Hash, at));
                    continue;
                }
            }
            catch (JsonException)
            {
            }

            bad.Add(number);
        }

        return new AuditAnchorReading(Path, true, good, bad);
    }

    private static string Payload(long sequence, string hash, string at) =>
        string.Join('\n', "speciosa-audit-checkpoint-v1", sequence.ToString(CultureInfo.InvariantCulture), hash, at);

    private static string DefaultPath(IConfiguration configuration) => DatabaseOptions.BesideSqlite(configuration, ".audit-anchors.jsonl");

    private sealed record Line(long Sequence, string Hash, string At, string Signature);
}

/// <summary>Writes a checkpoint at start, every <c>Audit:AnchorIntervalSeconds</c> (default 300) while the chain grows,
/// and at shutdown.</summary>
public sealed partial class AuditAnchorService(AuditAnchors anchors, IConfiguration configuration, TimeProvider clock, ILogger<AuditAnchorService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Audit:AnchorIntervalSeconds", 300)));
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TryCheckpointAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await TryCheckpointAsync(CancellationToken.None);
    }

    private async Task TryCheckpointAsync(CancellationToken ct)
    {
        try
        {
            await anchors.CheckpointAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.CheckpointFailed(log, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1301, Level = LogLevel.Error, Message = "The audit checkpoint could not be written; the next one is tried at the next interval.")]
        public static partial void CheckpointFailed(ILogger logger, Exception ex);
    }
}
