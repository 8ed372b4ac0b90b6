using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Appointments;

/// <summary>One booked appointment (issue 14 item 2): when (an instant; shown in the clinic's zone), how long, what kind, with
/// whom, how (in person, phone, video) and where, notes for staff; who booked it and when; a cancellation keeps who, when and
/// why. Nothing is deleted. The concurrency stamp changes on each change.</summary>
public sealed class Appointment
{
    public Guid Id { get; set; }
    public Guid ClinicId { get; set; }
    public Guid PatientId { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public int DurationMinutes { get; set; }
    public required string Kind { get; set; }
    public required string WithWhom { get; set; }
    public required string Mode { get; set; }
    public string? Location { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset BookedAt { get; set; }
    public Guid BookedBy { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public Guid? CancelledBy { get; set; }
    public string? CancelReason { get; set; }
    public Guid ConcurrencyStamp { get; set; }
}

/// <summary>EF mapping of the appointments table (migration M0031_Appointments).</summary>
public sealed class AppointmentModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<Appointment>(e =>
    {
        e.ToTable("Appointments");
        e.Property(a => a.Kind).HasMaxLength(30);
        e.Property(a => a.WithWhom).HasMaxLength(100);
        e.Property(a => a.Mode).HasMaxLength(20);
        e.Property(a => a.Location).HasMaxLength(200);
        e.Property(a => a.Notes).HasMaxLength(1000);
        e.Property(a => a.CancelReason).HasMaxLength(500);
        e.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
        e.HasIndex(a => new { a.PatientId, a.StartsAt });
        e.HasIndex(a => new { a.ClinicId, a.StartsAt });
        e.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
    });
}

/// <summary>The Appointments feature's table, as a property of the context.</summary>
public static class AppointmentTables
{
    extension(SpeciosaDbContext db)
    {
        public DbSet<Appointment> Appointments => db.Set<Appointment>();
    }
}
