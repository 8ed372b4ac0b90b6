using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;

namespace Speciosa.Web.Fhir;

/// <summary>A FHIR Bulk Data export (table FhirExportJobs, M0028): asked for by a user of one clinic, run by
/// <see cref="FhirExportWorker"/> type by type; its state is in the database, so a restart of the app resumes it.</summary>
public sealed class FhirExportJob
{
    public const string Accepted = "accepted";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string Expired = "expired";

    /// <summary>How long a finished export's files are kept (<c>Fhir:ExportRetentionSeconds</c>, default a day).</summary>
    public static TimeSpan Retention(IConfiguration configuration) =>
        TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Fhir:ExportRetentionSeconds", 86400), 1, 30 * 86400));

    /// <summary>Whether a completed export's files have passed their retention at <paramref name="now"/>.</summary>
    public bool HasExpired(DateTimeOffset now, TimeSpan retention) =>
        Status == Expired || (Status == Completed && CompletedAt is { } done && now >= done + retention);

    public Guid Id { get; set; }

    /// <summary>The scope: the requesting user's clinic (care staff see their clinic's patients).</summary>
    public Guid ClinicId { get; set; }

    public Guid RequestedByUserId { get; set; }

    /// <summary>Patient-level (<c>/Patient/$export</c>) rather than system-level (<c>/$export</c>).</summary>
    public bool PatientLevel { get; set; }

    /// <summary>The resource types to export, comma separated, in the order they are written.</summary>
    public required string Types { get; set; }

    public DateTimeOffset? Since { get; set; }
    public required string RequestUrl { get; set; }
    public required string Status { get; set; }

    /// <summary>The manifest's transactionTime.</summary>
    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
    public string? Progress { get; set; }
    public string? Error { get; set; }

    /// <summary>How many times a worker has taken the job up (a restart mid-export takes it up again).</summary>
    public int Attempts { get; set; }
}

/// <summary>One ndjson file of an export: every resource of one type (table FhirExportFiles).</summary>
public sealed class FhirExportFile
{
    public Guid Id { get; set; }
    public Guid JobId { get; set; }
    public required string Type { get; set; }
    public int Count { get; set; }
    public required string Content { get; set; }
}

public sealed class FhirExportModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<FhirExportJob>(e =>
        {
            e.ToTable("FhirExportJobs");
            e.Property(j => j.Types).HasMaxLength(400);
            e.Property(j => j.RequestUrl).HasMaxLength(2000);
            e.Property(j => j.Status).HasMaxLength(16);
            e.Property(j => j.Progress).HasMaxLength(200);
            e.Property(j => j.Error).HasMaxLength(1000);
            e.HasIndex(j => j.Status);
            e.HasIndex(j => j.ClinicId);
            e.HasOne<Clinics.Clinic>().WithMany().HasForeignKey(j => j.ClinicId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<FhirExportFile>(e =>
        {
            e.ToTable("FhirExportFiles");
            e.Property(f => f.Type).HasMaxLength(64);
            e.HasIndex(f => new { f.JobId, f.Type }).IsUnique();
            e.HasOne<FhirExportJob>().WithMany().HasForeignKey(f => f.JobId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

/// <summary>Runs export jobs in the background. Each job is claimed through the kit's <see cref="JobLeases"/> (so with
/// several instances one runs it) and the lease is renewed after each file; each type's file is saved with the job's
/// progress in one SaveChanges, and the last file with the status <c>completed</c>, so the manifest is never half.
/// A job whose worker stopped (a restart) is taken up again once its lease runs out and goes on from the first type
/// without a file; after <see cref="MaxAttempts"/> interruptions it fails with a status saying so.</summary>
public sealed class FhirExportWorker(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<FhirExportWorker> log)
    : BackgroundService
{
    public const int MaxAttempts = 3;
    private readonly string holder = ("fhir-export:" + Guid.NewGuid().ToString("N") + ":" + JobLeases.ThisInstance) is var h && h.Length > 100 ? h[..100] : h;

    public static string LeaseName(Guid jobId) => "fhir-export:" + jobId;

    protected override async System.Threading.Tasks.Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Fhir:ExportEnabled", true))
        {
            return;
        }

        var every = TimeSpan.FromMilliseconds(Math.Clamp(configuration.GetValue("Fhir:ExportPollMs", 1000), 50, 60_000));
        var lease = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Fhir:ExportLeaseSeconds", 60), 1, 3600));
        var pause = TimeSpan.FromMilliseconds(Math.Clamp(configuration.GetValue("Fhir:ExportPauseMs", 0), 0, 60_000));
        using var timer = new PeriodicTimer(every, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<SpeciosaDbContext>();
                await ExpireAsync(db, clock.GetUtcNow(), FhirExportJob.Retention(configuration), stoppingToken);
                var waiting = await db.FhirExportJobs.AsNoTracking().Where(j => j.Status == FhirExportJob.Accepted || j.Status == FhirExportJob.Running)
                    .OrderBy(j => j.RequestedAt).Select(j => j.Id).Take(10).ToListAsync(stoppingToken);
                foreach (var jobId in waiting)
                {
                    await using var jobScope = scopes.CreateAsyncScope();
                    if (await jobScope.ServiceProvider.GetRequiredService<JobLeases>().TryClaimAsync(LeaseName(jobId), holder, lease, stoppingToken))
                    {
                        await RunAsync(jobScope.ServiceProvider, jobId, lease, pause, stoppingToken);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The type only: never patient data in the log.
                log.LogError("FHIR export: {Error}.", ex.GetType().Name);
            }
        }
    }

    private async System.Threading.Tasks.Task RunAsync(IServiceProvider services, Guid jobId, TimeSpan lease, TimeSpan pause, CancellationToken ct)
    {
        var db = services.GetRequiredService<SpeciosaDbContext>();
        var chart = services.GetRequiredService<FhirChart>();
        var job = await db.FhirExportJobs.FirstOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null || job.Status is not (FhirExportJob.Accepted or FhirExportJob.Running))
        {
            return;
        }

        job.Attempts++;
        if (job.Attempts > MaxAttempts)
        {
            job.Status = FhirExportJob.Failed;
            job.Error = $"The export was interrupted {MaxAttempts} times (the app stopped while it ran); ask for it again.";
            job.CompletedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            return;
        }

        job.Status = FhirExportJob.Running;
        await db.SaveChangesAsync(ct);
        try
        {
            var types = job.Types.Split(',');
            var done = await db.FhirExportFiles.AsNoTracking().Where(f => f.JobId == job.Id).Select(f => f.Type).ToListAsync(ct);
            var patients = await db.Patients.AsNoTracking().Where(p => p.ClinicId == job.ClinicId).OrderBy(p => p.Id).ToListAsync(ct);
            var charts = new Dictionary<Guid, IReadOnlyList<Resource>>();
            for (var i = 0; i < types.Length; i++)
            {
                if (done.Contains(types[i]))
                {
                    continue;
                }

                var resources = await ResourcesAsync(types[i], job, patients, chart, charts, ct);
                var lines = string.Join("\n", resources.Select(r => FhirHttp.Engine.SerializeToJson(r)));
                db.FhirExportFiles.Add(new FhirExportFile { Id = Guid.NewGuid(), JobId = job.Id, Type = types[i], Count = resources.Count, Content = lines.Length == 0 ? "" : lines + "\n" });
                job.Progress = $"{i + 1} of {types.Length} resource types written";
                if (i == types.Length - 1)
                {
                    job.Status = FhirExportJob.Completed;
                    job.CompletedAt = clock.GetUtcNow();
                }

                // A job cancelled meanwhile (DELETE) is not brought back.
                if (await db.FhirExportJobs.AsNoTracking().AnyAsync(j => j.Id == job.Id && j.Status == FhirExportJob.Cancelled, ct))
                {
                    return;
                }

                await db.SaveChangesAsync(ct);
                var until = clock.GetUtcNow() + lease;
                var name = LeaseName(job.Id);
                await db.Leases.Where(l => l.Name == name && l.Holder == holder).ExecuteUpdateAsync(s => s.SetProperty(l => l.Until, until), ct);
                if (pause > TimeSpan.Zero && i < types.Length - 1)
                {
                    await System.Threading.Tasks.Task.Delay(pause, clock, ct);
                }
            }

            if (types.All(done.Contains) && job.Status != FhirExportJob.Completed)
            {
                job.Status = FhirExportJob.Completed;
                job.CompletedAt = clock.GetUtcNow();
                await db.SaveChangesAsync(ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError("FHIR export {JobId} failed: {Error}.", job.Id, ex.GetType().Name);
            db.ChangeTracker.Clear();
            await db.FhirExportJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, FhirExportJob.Failed)
                .SetProperty(j => j.Error, "The export failed on the server (" + ex.GetType().Name + "); ask for it again.")
                .SetProperty(j => j.CompletedAt, clock.GetUtcNow()), ct);
        }
    }

    /// <summary>Every resource of one type the job's clinic holds (changed at or after <c>_since</c>, see
    /// <see cref="ChangedAt"/>).</summary>
    private static async Task<IReadOnlyList<Resource>> ResourcesAsync(string type, FhirExportJob job, IReadOnlyList<Patients.Patient> patients,
        FhirChart chart, Dictionary<Guid, IReadOnlyList<Resource>> charts, CancellationToken ct)
    {
        IEnumerable<Resource> found;
        if (type == "Patient")
        {
            found = patients.Select(FhirResources.Patient);
        }
        else if (type == "Medication")
        {
            found = await chart.MedicationsAsync(job.ClinicId, null, ct);
        }
        else if (type == "Questionnaire")
        {
            found = FhirInstruments.All.Select(FhirResources.Questionnaire);
        }
        else
        {
            var list = new List<Resource>();
            foreach (var p in patients)
            {
                if (!charts.TryGetValue(p.Id, out var resources))
                {
                    charts[p.Id] = resources = await chart.ResourcesOfAsync(p, ct);
                }

                list.AddRange(resources.Where(r => r.TypeName == type));
            }

            found = list;
        }

        return found.Where(r => job.Since is null || ChangedAt(r) is not { } at || at >= job.Since).ToList();
    }

    /// <summary>When a resource last changed: its <c>meta.lastUpdated</c>, which every mapping sets from the record's own
    /// change times (recorded, reviewed, acknowledged, resolved, entered in error, a new version, a state change; see
    /// docs/fhir.md). Questionnaires (the instrument catalogue) have none and are always included.</summary>
    public static DateTimeOffset? ChangedAt(Resource r) => r.Meta?.LastUpdated;

    /// <summary>Finished exports past their retention: marked expired and their files deleted (one statement each).</summary>
    public static async Task<int> ExpireAsync(SpeciosaDbContext db, DateTimeOffset now, TimeSpan retention, CancellationToken ct)
    {
        var before = now - retention;
        var expired = await db.FhirExportJobs.Where(j => j.Status == FhirExportJob.Completed && j.CompletedAt != null && j.CompletedAt <= before)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, FhirExportJob.Expired), ct);
        if (expired > 0)
        {
            var jobs = db.FhirExportJobs.Where(j => j.Status == FhirExportJob.Expired).Select(j => j.Id);
            await db.FhirExportFiles.Where(f => jobs.Contains(f.JobId)).ExecuteDeleteAsync(ct);
        }

        return expired;
    }
}

/// <summary>The export tables as properties of the context (C# extension members).</summary>
public static class FhirExportTables
{
    extension(SpeciosaDbContext db)
    {
        public DbSet<FhirExportJob> FhirExportJobs => db.Set<FhirExportJob>();

        public DbSet<FhirExportFile> FhirExportFiles => db.Set<FhirExportFile>();
    }
}
