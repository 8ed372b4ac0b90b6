using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;
using Speciosa.Web.Clinics;
using Speciosa.Web.Identity;

namespace Speciosa.Web.Patients;

/// <summary>EF mapping of patients and care teams (migration M0004_PatientsAndWithdrawal).</summary>
public sealed class PatientModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder)
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
    }
}
