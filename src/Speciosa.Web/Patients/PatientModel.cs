using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Clinics;
using Speciosa.Web.Identity;

namespace Speciosa.Web.Patients;

/// <summary>EF mapping of patients, care teams, opioid use, episodes and assessments (migration M0004_PatientsAndWithdrawal).</summary>
public static class PatientModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Patient>(e =>
        {
            e.ToTable("Patients");
            e.Property(p => p.GivenName).HasMaxLength(100);
            e.Property(p => p.FamilyName).HasMaxLength(100);
            e.Property(p => p.SearchName).HasMaxLength(201);
            e.Property(p => p.Sex).HasMaxLength(16);
            e.Property(p => p.Phone).HasMaxLength(40);
            e.Property(p => p.Email).HasMaxLength(256);
            e.Property(p => p.CountryCode).HasMaxLength(2);
            e.Property(p => p.SubdivisionCode).HasMaxLength(6);
            e.Property(p => p.Status).HasMaxLength(16);
            e.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
            e.Ignore(p => p.DisplayName);
            e.HasIndex(p => new { p.ClinicId, p.SearchName });
            e.HasIndex(p => p.PortalUserId);
            e.HasOne<Clinic>().WithMany().HasForeignKey(p => p.ClinicId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<UserAccount>().WithMany().HasForeignKey(p => p.PortalUserId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(p => p.CareTeam).WithOne().HasForeignKey(m => m.PatientId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<CareTeamMember>(e =>
        {
            e.ToTable("PatientCareTeam");
            e.HasKey(m => new { m.PatientId, m.UserId });
            e.HasIndex(m => m.UserId);
            e.HasOne<UserAccount>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<OpioidUse>(e =>
        {
            e.ToTable("OpioidUses");
            e.Property(u => u.SubstanceId).HasMaxLength(64);
            e.Property(u => u.AmountPerDay).HasPrecision(12, 3);
            e.Property(u => u.Unit).HasMaxLength(16);
            e.Property(u => u.Release).HasMaxLength(16);
            e.Property(u => u.Route).HasMaxLength(32);
            e.HasIndex(u => u.PatientId);
            e.HasOne<Patient>().WithMany().HasForeignKey(u => u.PatientId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<WithdrawalEpisode>(e =>
        {
            e.ToTable("WithdrawalEpisodes");
            e.Property(w => w.CourseClassId).HasMaxLength(64);
            e.HasIndex(w => w.PatientId);
            e.HasIndex(w => w.OpioidUseId);
            e.HasOne<Patient>().WithMany().HasForeignKey(w => w.PatientId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<OpioidUse>().WithMany().HasForeignKey(w => w.OpioidUseId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Assessment>(e =>
        {
            e.ToTable("Assessments");
            e.Property(a => a.InstrumentId).HasMaxLength(64);
            e.Property(a => a.AnswersJson).HasMaxLength(4000);
            e.Property(a => a.Band).HasMaxLength(64);
            e.HasIndex(a => new { a.PatientId, a.AssessedAt });
            e.HasIndex(a => a.EpisodeId);
            e.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<WithdrawalEpisode>().WithMany().HasForeignKey(a => a.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
