using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Liver;

/// <summary>EF mapping of laboratory results (migration M0005_Safety; SourceIdentifier M0028) and the kratom history (M0011_LiverSafety).</summary>
public sealed class LiverModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LabResult>(e =>
        {
            e.ToTable("LabResults");
            e.Property(r => r.Test).HasMaxLength(32);
            e.Property(r => r.Loinc).HasMaxLength(16);
            e.Property(r => r.Value).HasPrecision(14, 4);
            e.Property(r => r.Unit).HasMaxLength(16);
            e.Property(r => r.ReferenceLow).HasPrecision(14, 4);
            e.Property(r => r.UpperLimitOfNormal).HasPrecision(14, 4);
            e.Property(r => r.LabName).HasMaxLength(200);
            e.Property(r => r.EnteredVia).HasMaxLength(16);
            e.Property(r => r.EnteredInErrorReason).HasMaxLength(500);
            e.Property(r => r.SourceIdentifier).HasMaxLength(300);
            e.HasIndex(r => new { r.PatientId, r.Test, r.CollectedAt });
            e.HasIndex(r => new { r.PatientId, r.SourceIdentifier }).IsUnique();
            e.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<KratomHistory>(e =>
        {
            e.ToTable("KratomHistories");
            e.HasKey(h => h.PatientId);
            e.Property(h => h.Basis).HasMaxLength(500);
            e.Property(h => h.ConcurrencyStamp).IsConcurrencyToken();
            e.HasOne<Patient>().WithMany().HasForeignKey(h => h.PatientId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

/// <summary>The Liver feature's tables, as properties of the context (C# extension members), so the kernel's
/// context never names them.</summary>
public static class LiverTables
{
    extension(SpeciosaDbContext db)
    {
        public DbSet<LabResult> LabResults => db.Set<LabResult>();

        public DbSet<KratomHistory> KratomHistories => db.Set<KratomHistory>();
    }
}
