using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;
using Speciosa.Clinical.Products;
using Speciosa.Web.Clinics;

namespace Speciosa.Web.Products;

/// <summary>EF configuration of the products feature (tables Products, Lots, SupplyChainSteps,
/// Certificates, CertificateResults, LotStateChanges, ProductPhotos, ClinicQualitySettings).</summary>
public sealed class ProductModel : IModelPart
{
    public const int GramsPrecision = 9;
    public const int GramsScale = 3;
    public const int ResultPrecision = 18;
    public const int ResultScale = 6;

    public void Configure(ModelBuilder b)
    {
        b.Entity<Product>(e =>
        {
            e.ToTable("Products");
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.Brand).HasMaxLength(200);
            e.Property(p => p.Vendor).HasMaxLength(200);
            e.Property(p => p.Form).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.StrainLabel).HasMaxLength(200);
            e.Property(p => p.ServingGrams).HasPrecision(GramsPrecision, GramsScale);
            e.Property(p => p.MaximumDailyGrams).HasPrecision(GramsPrecision, GramsScale);
            e.Property(p => p.ClaimMitragynineMgPerServing).HasPrecision(GramsPrecision, GramsScale);
            e.Property(p => p.ClaimSevenHydroxyMgPerServing).HasPrecision(GramsPrecision, GramsScale);
            e.Property(p => p.GmpScheme).HasMaxLength(200);
            e.HasIndex(p => p.ClinicId);
            e.HasOne<Clinic>().WithMany().HasForeignKey(p => p.ClinicId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<Lot>(e =>
        {
            e.ToTable("Lots");
            e.Property(l => l.LotCode).HasMaxLength(64);
            e.Property(l => l.State).HasConversion<string>().HasMaxLength(16);
            e.Property(l => l.RecallReason).HasMaxLength(1000);
            e.Property(l => l.ConcurrencyStamp).HasMaxLength(64).IsConcurrencyToken();
            e.HasIndex(l => new { l.ClinicId, l.LotCode }).IsUnique();
            e.HasIndex(l => l.ProductId);
            e.HasOne<Clinic>().WithMany().HasForeignKey(l => l.ClinicId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<SupplyChainStep>(e =>
        {
            e.ToTable("SupplyChainSteps");
            e.Property(s => s.Role).HasConversion<string>().HasMaxLength(16);
            e.Property(s => s.Name).HasMaxLength(200);
            e.Property(s => s.Country).HasMaxLength(100);
            e.Property(s => s.Region).HasMaxLength(200);
            e.HasIndex(s => s.LotId);
            e.HasOne<Lot>().WithMany().HasForeignKey(s => s.LotId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<Certificate>(e =>
        {
            e.ToTable("Certificates");
            e.Property(c => c.LabName).HasMaxLength(200);
            e.Property(c => c.LabAccreditation).HasMaxLength(200);
            e.Property(c => c.Method).HasMaxLength(500);
            e.Property(c => c.SourceFileHash).HasMaxLength(64);
            // Natural key: one report per lot, laboratory and report date (what makes re-import idempotent).
            e.HasIndex(c => new { c.LotId, c.LabName, c.ReportedOn }).IsUnique();
            e.HasOne<Lot>().WithMany().HasForeignKey(c => c.LotId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(c => c.Results).WithOne().HasForeignKey(r => r.CertificateId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<CertificateResult>(e =>
        {
            e.ToTable("CertificateResults");
            e.Property(r => r.Analyte).HasMaxLength(64);
            e.Property(r => r.Unit).HasMaxLength(32);
            e.Property(r => r.Qualifier).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Value).HasPrecision(ResultPrecision, ResultScale);
            e.Property(r => r.Lod).HasPrecision(ResultPrecision, ResultScale);
            e.Property(r => r.Loq).HasPrecision(ResultPrecision, ResultScale);
            e.Property(r => r.Method).HasMaxLength(200);
            e.HasIndex(r => r.CertificateId);
        });

        b.Entity<LotStateChange>(e =>
        {
            e.ToTable("LotStateChanges");
            e.Property(s => s.FromState).HasConversion<string>().HasMaxLength(16);
            e.Property(s => s.ToState).HasConversion<string>().HasMaxLength(16);
            e.Property(s => s.Reason).HasMaxLength(1000);
            e.Property(s => s.VerdictSummary).HasMaxLength(1000);
            e.HasIndex(s => s.LotId);
            e.HasOne<Lot>().WithMany().HasForeignKey(s => s.LotId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<ProductPhoto>(e =>
        {
            e.ToTable("ProductPhotos");
            e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.ContentType).HasMaxLength(32);
            e.Property(p => p.Sha256).HasMaxLength(64);
            e.HasIndex(p => p.ProductId);
            e.HasIndex(p => p.LotId);
            e.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Lot>().WithMany().HasForeignKey(p => p.LotId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<ClinicQualitySettings>(e =>
        {
            e.ToTable("ClinicQualitySettings");
            e.HasKey(s => s.ClinicId);
            e.Property(s => s.StandardIds).HasMaxLength(1000);
            e.Property(s => s.LabelClaimTolerancePercent).HasPrecision(5, 2);
            e.Property(s => s.MaximumDailyGrams).HasPrecision(GramsPrecision, GramsScale);
            e.Ignore(s => s.Standards);
            e.HasOne<Clinic>().WithOne().HasForeignKey<ClinicQualitySettings>(s => s.ClinicId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

/// <summary>The Products feature's tables, as properties of the context (C# extension members), so the kernel's
/// context never names them.</summary>
public static class ProductsTables
{
    /// <summary>The clinical core's view of a stored result.</summary>
    public static AnalyteResult ToAnalyteResult(this CertificateResult r) => new(r.Analyte, r.Value, r.Unit, r.Qualifier, r.Lod, r.Loq);

    extension(SpeciosaDbContext db)
    {
        public DbSet<Product> Products => db.Set<Product>();
        public DbSet<Lot> Lots => db.Set<Lot>();
        public DbSet<SupplyChainStep> SupplyChainSteps => db.Set<SupplyChainStep>();
        public DbSet<Certificate> Certificates => db.Set<Certificate>();
        public DbSet<CertificateResult> CertificateResults => db.Set<CertificateResult>();
        public DbSet<LotStateChange> LotStateChanges => db.Set<LotStateChange>();
        public DbSet<ProductPhoto> ProductPhotos => db.Set<ProductPhoto>();
        public DbSet<ClinicQualitySettings> ClinicQualitySettings => db.Set<ClinicQualitySettings>();
    }
}
