using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;

namespace Speciosa.Web.MentalHealth;

/// <summary>EF mapping of screenings, safety assessments and use-disorder checklists (migration M0014_MentalHealth).</summary>
public sealed class MentalHealthModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Screening>(e =>
        {
            e.ToTable("Screenings");
            e.Property(s => s.InstrumentId).HasMaxLength(64);
            e.Property(s => s.AnswersJson).HasMaxLength(1000);
            e.Property(s => s.Band).HasMaxLength(64);
            e.HasIndex(s => new { s.PatientId, s.AssessedAt });
            e.HasOne<Patient>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<SafetyAssessment>(e =>
        {
            e.ToTable("SafetyAssessments");
            e.Property(s => s.Outcome).HasMaxLength(64);
            e.Property(s => s.Plan).HasMaxLength(2000);
            e.Property(s => s.StructuredInstrument).HasMaxLength(200);
            e.HasIndex(s => s.PatientId);
            e.HasIndex(s => s.ScreeningId);
            e.HasOne<Patient>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Screening>().WithMany().HasForeignKey(s => s.ScreeningId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<UseDisorderAssessment>(e =>
        {
            e.ToTable("UseDisorderAssessments");
            e.Property(u => u.Substance).HasMaxLength(32);
            e.Property(u => u.Occasion).HasMaxLength(16);
            e.Property(u => u.CriteriaMetJson).HasMaxLength(200);
            e.Property(u => u.Severity).HasMaxLength(32);
            e.Property(u => u.Note).HasMaxLength(1000);
            e.HasIndex(u => new { u.PatientId, u.AssessedAt });
            e.HasOne<Patient>().WithMany().HasForeignKey(u => u.PatientId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

/// <summary>The MentalHealth feature's tables, as properties of the context (C# extension members).</summary>
public static class MentalHealthTables
{
    extension(SpeciosaDbContext db)
    {
        public DbSet<Screening> Screenings => db.Set<Screening>();
        public DbSet<SafetyAssessment> SafetyAssessments => db.Set<SafetyAssessment>();
        public DbSet<UseDisorderAssessment> UseDisorderAssessments => db.Set<UseDisorderAssessment>();
    }
}
