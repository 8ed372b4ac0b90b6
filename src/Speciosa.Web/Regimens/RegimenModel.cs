using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;
using Speciosa.Web.Clinics;
using Speciosa.Web.Patients;
using Speciosa.Web.Products;

namespace Speciosa.Web.Regimens;

/// <summary>EF mapping of Regimens, RegimenVersions and Doses (migration 20261123060000_Regimens) and TitrationDecisions
/// (20261130020000_RegimenDecisions).</summary>
public sealed class RegimenModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Regimen>(e =>
        {
            e.ToTable("Regimens");
            e.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
            e.HasIndex(r => r.LotId);
            e.HasIndex(r => new { r.PatientId, r.StartDate });
            e.HasIndex(r => r.ClinicId);
            e.HasIndex(r => r.ProductId);
            e.HasOne<Clinic>().WithMany().HasForeignKey(r => r.ClinicId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Lot>().WithMany().HasForeignKey(r => r.LotId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<RegimenVersion>(e =>
        {
            e.ToTable("RegimenVersions");
            e.Property(v => v.GramsPerAdministration).HasPrecision(9, 3);
            e.Property(v => v.MaxGramsPerDay).HasPrecision(9, 3);
            e.Property(v => v.BreaksJson).HasMaxLength(8000);
            e.Property(v => v.Reason).HasMaxLength(1000);
            e.Property(v => v.LegalOutcome).HasMaxLength(32);
            e.HasIndex(v => new { v.RegimenId, v.Version }).IsUnique();
            e.HasOne<Regimen>().WithMany().HasForeignKey(v => v.RegimenId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Dose>(e =>
        {
            e.ToTable("Doses");
            e.Property(d => d.Grams).HasPrecision(9, 3);
            e.Property(d => d.Source).HasMaxLength(32);
            e.Property(d => d.Status).HasMaxLength(16);
            e.Property(d => d.StatusReason).HasMaxLength(500);
            e.Property(d => d.Note).HasMaxLength(1000);
            // A held, refused or missed dose was not taken: no limit, chart, intake or exposure may count it (M0026).
            e.HasQueryFilter(d => d.Status == nameof(Speciosa.Clinical.Regimens.DoseStatus.Given));
            e.HasIndex(d => new { d.LotId, d.ClinicId, d.Status, d.PatientId, d.GivenAt }); // the recall trace of given doses, from the index alone (M0020, M0034)
            e.HasIndex(d => new { d.PatientId, d.GivenAt });
            e.HasIndex(d => d.ClinicId);
            e.HasIndex(d => d.RegimenId);
            e.HasOne<Clinic>().WithMany().HasForeignKey(d => d.ClinicId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Patient>().WithMany().HasForeignKey(d => d.PatientId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Regimen>().WithMany().HasForeignKey(d => d.RegimenId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Lot>().WithMany().HasForeignKey(d => d.LotId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<TitrationDecisionRecord>(e =>
        {
            e.ToTable("TitrationDecisions");
            e.Property(d => d.GramsPerAdministration).HasPrecision(9, 3);
            e.Property(d => d.ReadingsJson).HasMaxLength(4000);
            e.Property(d => d.Reason).HasMaxLength(1000);
            e.HasIndex(d => new { d.RegimenId, d.StepNumber });
            e.HasIndex(d => d.PatientId);
            e.HasOne<Regimen>().WithMany().HasForeignKey(d => d.RegimenId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Patient>().WithMany().HasForeignKey(d => d.PatientId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

/// <summary>The Regimens feature's tables, as properties of the context (C# extension members), so the kernel's
/// context never names them.</summary>
public static class RegimensTables
{
    extension(SpeciosaDbContext db)
    {
        public DbSet<Regimen> Regimens => db.Set<Regimen>();
        public DbSet<RegimenVersion> RegimenVersions => db.Set<RegimenVersion>();
        public DbSet<Dose> Doses => db.Set<Dose>();
        public DbSet<TitrationDecisionRecord> TitrationDecisions => db.Set<TitrationDecisionRecord>();
    }
}
