using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Reminders;

/// <summary>A patient's reminder choices: quiet hours (clinic-local "HH:mm", both or neither) and the kinds they want.</summary>
public sealed class ReminderSetting
{
    public Guid PatientId { get; set; }
    public string? QuietFrom { get; set; }
    public string? QuietUntil { get; set; }
    public bool CheckIn { get; set; } = true;
    public bool Activities { get; set; } = true;

    /// <summary>Reminders of appointments (a day before), migration M0031.</summary>
    public bool Appointments { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One reminder through one transport (the outbox): queued, sent, or failed with the error, the attempts made and
/// when the next is due. It names the occasion by key (<c>check-in/2026-11-30</c>, <c>activity/{id}/{day}/{time}</c>), never
/// what the patient reported, and holds no address: the e-mail address is read when sending.</summary>
public sealed class ReminderOutboxEntry
{
    public Guid Id { get; set; }
    public Guid ClinicId { get; set; }
    public Guid PatientId { get; set; }

    /// <summary>check-in, activity or appointment.</summary>
    public required string Kind { get; set; }

    public required string Key { get; set; }

    /// <summary>in-app or email.</summary>
    public required string Transport { get; set; }

    /// <summary>queued, sent or failed.</summary>
    public required string Status { get; set; }

    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}

/// <summary>EF mapping of the reminder tables (migration M0025_CarePlans).</summary>
public sealed class ReminderModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReminderSetting>(e =>
        {
            e.ToTable("ReminderSettings");
            e.HasKey(s => s.PatientId);
            e.Property(s => s.QuietFrom).HasMaxLength(5);
            e.Property(s => s.QuietUntil).HasMaxLength(5);
            e.HasOne<Patient>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ReminderOutboxEntry>(e =>
        {
            e.ToTable("ReminderOutbox");
            e.Property(r => r.Kind).HasMaxLength(20);
            e.Property(r => r.Key).HasMaxLength(100);
            e.Property(r => r.Transport).HasMaxLength(10);
            e.Property(r => r.Status).HasMaxLength(10);
            e.Property(r => r.LastError).HasMaxLength(500);
            e.HasIndex(r => new { r.PatientId, r.Key, r.Transport }).IsUnique();
            e.HasIndex(r => new { r.Status, r.NextAttemptAt });
            e.HasIndex(r => new { r.ClinicId, r.CreatedAt });
            e.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

/// <summary>The Reminders feature's tables, as properties of the context.</summary>
public static class ReminderTables
{
    extension(SpeciosaDbContext db)
    {
        public DbSet<ReminderSetting> ReminderSettings => db.Set<ReminderSetting>();
        public DbSet<ReminderOutboxEntry> ReminderOutbox => db.Set<ReminderOutboxEntry>();
    }
}
