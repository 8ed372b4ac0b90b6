using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Labs;
using Speciosa.Web.Medicines;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Safety;

/// <summary>EF mapping of lab results, adverse events and concomitant medicines (migration Safety).</summary>
public static class SafetyModel
{
    public static void Configure(ModelBuilder modelBuilder)
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
            e.HasIndex(r => new { r.PatientId, r.Test, r.CollectedAt });
            e.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        });

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
            e.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<PatientMedicine>(e =>
        {
            e.ToTable("PatientMedicines");
            e.Property(r => r.Name).HasMaxLength(200);
            e.Property(r => r.RxNorm).HasMaxLength(16);
            e.Property(r => r.Classes).HasMaxLength(500);
            e.Property(r => r.EnteredInErrorReason).HasMaxLength(500);
            e.HasIndex(r => r.PatientId);
            e.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
