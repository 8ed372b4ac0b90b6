using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;

namespace Speciosa.Web.CarePlans;

/// <summary>A patient's care plan (one per patient): which version is current, and the stamp a change must quote.</summary>
public sealed class CarePlan
{
    public Guid Id { get; set; }
    public Guid ClinicId { get; set; }
    public Guid PatientId { get; set; }
    public int CurrentVersion { get; set; }
    public Guid ConcurrencyStamp { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One version of a plan (append-only): the whole list of activities as it stood, who made it, when and why.</summary>
public sealed class CarePlanVersion
{
    public Guid Id { get; set; }
    public Guid CarePlanId { get; set; }
    public int Version { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public Guid ChangedBy { get; set; }
    public required string Reason { get; set; }

    /// <summary>JSON array of the activities (id, kind, title, days, times, goal, notes).</summary>
    public required string ActivitiesJson { get; set; }
}

/// <summary>What happened at one occurrence of an activity: the patient marked it done (with how it went, 1–5, and a note),
/// or staff recorded attendance at a session they ran (attended, or missed with a reason). One per occurrence.</summary>
public sealed class CarePlanActivityRecord
{
    public Guid Id { get; set; }
    public Guid CarePlanId { get; set; }
    public Guid PatientId { get; set; }
    public Guid ActivityId { get; set; }
    public DateOnly Day { get; set; }

    /// <summary>Clinic-local "HH:mm" of the occurrence.</summary>
    public required string Time { get; set; }

    /// <summary>done, attended or missed.</summary>
    public required string Outcome { get; set; }

    public int? Rating { get; set; }
    public string? Note { get; set; }
    public string? Reason { get; set; }
    public bool PatientReported { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedBy { get; set; }
}

/// <summary>EF mapping of the care-plan tables (migration M0025_CarePlans).</summary>
public sealed class CarePlanModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CarePlan>(e =>
        {
            e.ToTable("CarePlans");
            e.HasIndex(p => p.PatientId).IsUnique();
            e.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
            e.HasOne<Patient>().WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<CarePlanVersion>(e =>
        {
            e.ToTable("CarePlanVersions");
            e.Property(v => v.Reason).HasMaxLength(500);
            e.Property(v => v.ActivitiesJson).HasMaxLength(40000);
            e.HasIndex(v => new { v.CarePlanId, v.Version }).IsUnique();
            e.HasOne<CarePlan>().WithMany().HasForeignKey(v => v.CarePlanId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<CarePlanActivityRecord>(e =>
        {
            e.ToTable("CarePlanActivityRecords");
            e.Property(r => r.Time).HasMaxLength(5);
            e.Property(r => r.Outcome).HasMaxLength(10);
            e.Property(r => r.Note).HasMaxLength(500);
            e.Property(r => r.Reason).HasMaxLength(500);
            e.HasIndex(r => new { r.ActivityId, r.Day, r.Time }).IsUnique();
            e.HasIndex(r => new { r.PatientId, r.Day });
            e.HasOne<CarePlan>().WithMany().HasForeignKey(r => r.CarePlanId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

/// <summary>The CarePlans feature's tables, as properties of the context.</summary>
public static class CarePlanTables
{
    extension(SpeciosaDbContext db)
    {
        public DbSet<CarePlan> CarePlans => db.Set<CarePlan>();
        public DbSet<CarePlanVersion> CarePlanVersions => db.Set<CarePlanVersion>();
        public DbSet<CarePlanActivityRecord> CarePlanActivityRecords => db.Set<CarePlanActivityRecord>();
    }
}
