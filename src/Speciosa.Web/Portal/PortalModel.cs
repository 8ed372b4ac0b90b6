using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Portal;

/// <summary>A one-time invitation to the portal for one patient record. Only the SHA-256 of the token is stored: the token
/// itself is shown once to the member of staff who issued it and is in no table, audit row or log.</summary>
public sealed class PortalInvitation
{
    public Guid Id { get; set; }
    public Guid ClinicId { get; set; }
    public Guid PatientId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token (the token has 256 random bits, so no salt is needed).</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset IssuedAt { get; set; }
    public Guid IssuedBy { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>The account the invitation created and bound to the record.</summary>
    public Guid? AcceptedUserId { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
    public Guid? RevokedBy { get; set; }
}

/// <summary>A patient's acceptance of one version of the portal consent (append-only: a new version is a new row).</summary>
public sealed class PortalConsent
{
    public Guid Id { get; set; }
    public Guid PatientId { get; set; }
    public Guid UserId { get; set; }
    public int Version { get; set; }
    public DateTimeOffset AcceptedAt { get; set; }
}

/// <summary>A check-in in progress (issue 14 item 3): the answers given so far, saved at every step, so a phone that sleeps or a
/// reload loses nothing. One per patient; deleted when the check-in is recorded.</summary>
public sealed class CheckInDraft
{
    public Guid PatientId { get; set; }
    public Guid UserId { get; set; }
    public required string InstrumentId { get; set; }

    /// <summary>JSON object of item number to score.</summary>
    public required string AnswersJson { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A member of staff's decision on one patient-reported item in the review queue (issue 14 item 7), one per item
/// (<see cref="Kind"/> + <see cref="ItemId"/>): the latest state, note, who and when. Each change is audited and checks the stamp.</summary>
public sealed class PatientReportReview
{
    public Guid Id { get; set; }
    public Guid ClinicId { get; set; }
    public Guid PatientId { get; set; }

    /// <summary>The queue source's kind (<see cref="IReviewQueueSource.Kind"/>).</summary>
    public required string Kind { get; set; }

    public Guid ItemId { get; set; }

    /// <summary><see cref="ReviewStates"/>.</summary>
    public required string State { get; set; }

    public string? Note { get; set; }
    public Guid ReviewedBy { get; set; }
    public DateTimeOffset ReviewedAt { get; set; }
    public Guid ConcurrencyStamp { get; set; }
}

/// <summary>EF mapping of the portal's tables (migrations M0023_Portal, M0024_PortalReports).</summary>
public sealed class PortalModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PortalInvitation>(e =>
        {
            e.ToTable("PortalInvitations");
            e.Property(i => i.TokenHash).HasMaxLength(64);
            e.HasIndex(i => i.TokenHash).IsUnique();
            e.HasIndex(i => i.PatientId);
            e.HasOne<Patient>().WithMany().HasForeignKey(i => i.PatientId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<PortalConsent>(e =>
        {
            e.ToTable("PortalConsents");
            e.HasIndex(c => new { c.PatientId, c.AcceptedAt });
            e.HasOne<Patient>().WithMany().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<UserAccount>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<CheckInDraft>(e =>
        {
            e.ToTable("PortalCheckInDrafts");
            e.HasKey(d => d.PatientId);
            e.Property(d => d.InstrumentId).HasMaxLength(64);
            e.Property(d => d.AnswersJson).HasMaxLength(2000);
            e.HasOne<Patient>().WithMany().HasForeignKey(d => d.PatientId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<PatientReportReview>(e =>
        {
            e.ToTable("PatientReportReviews");
            e.Property(r => r.Kind).HasMaxLength(32);
            e.Property(r => r.State).HasMaxLength(16);
            e.Property(r => r.Note).HasMaxLength(1000);
            e.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
            e.HasIndex(r => new { r.Kind, r.ItemId }).IsUnique();
            e.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

/// <summary>The Portal feature's tables, as properties of the context.</summary>
public static class PortalTables
{
    extension(SpeciosaDbContext db)
    {
        public DbSet<PortalInvitation> PortalInvitations => db.Set<PortalInvitation>();
        public DbSet<PortalConsent> PortalConsents => db.Set<PortalConsent>();
        public DbSet<CheckInDraft> PortalCheckInDrafts => db.Set<CheckInDraft>();
        public DbSet<PatientReportReview> PatientReportReviews => db.Set<PatientReportReview>();
    }
}
