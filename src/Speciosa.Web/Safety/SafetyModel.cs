using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Safety;

/// <summary>EF mapping of adverse events (migration M0005_Safety).</summary>
public sealed class SafetyModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AdverseEventRecord>(e =>
        {
            e.ToTable("AdverseEvents");
            e.Property(r => r.TermId).HasMaxLength(64);
            e.Property(r => r.TermText).HasMaxLength(200);
            e.Property(r => r.Outcome).HasMaxLength(32);
            e.Property(r => r.Relatedness).HasMaxLength(32);
            e.Property(r => r.SeriousnessCriteria).HasMaxLength(300);
            e.Property(r => r.ActionTaken).HasMaxLength(32);
            e.Property(r => r.Description).HasMaxLength(4000);
            e.Property(r => r.EnteredInErrorReason).HasMaxLength(500);
            e.HasIndex(r => new { r.PatientId, r.Onset });
            e.HasIndex(r => new { r.PatientReported, r.RecordedAt });
            e.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

/// <summary>The Safety feature's tables, as properties of the context (C# extension members), so the kernel's
/// context never names them.</summary>
public static class SafetyTables
{
    extension(SpeciosaDbContext db)
    {
        public DbSet<AdverseEventRecord> AdverseEvents => db.Set<AdverseEventRecord>();
    }
}
