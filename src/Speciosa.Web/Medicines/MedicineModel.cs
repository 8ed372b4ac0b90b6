using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Medicines;

/// <summary>EF mapping of the patient's other medicines (migration M0005_Safety) and their edits (M0033_MedicineChanges).</summary>
public sealed class MedicineModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PatientMedicine>(e =>
        {
            e.ToTable("PatientMedicines");
            e.Property(r => r.Name).HasMaxLength(200);
            e.Property(r => r.RxNorm).HasMaxLength(16);
            e.Property(r => r.Classes).HasMaxLength(500);
            e.Property(r => r.Dose).HasMaxLength(50);
            e.Property(r => r.Frequency).HasMaxLength(50);
            e.Property(r => r.EnteredInErrorReason).HasMaxLength(500);
            e.Property(r => r.Unit).HasMaxLength(20);
            e.Property(r => r.Route).HasMaxLength(30);
            e.Property(r => r.StopReason).HasMaxLength(500);
            e.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
            e.Ignore(r => r.DoseText);
            e.Ignore(r => r.IsCurrent);
            e.HasIndex(r => r.PatientId);
            e.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<PatientMedicineChange>(e =>
        {
            e.ToTable("PatientMedicineChanges");
            e.Property(r => r.Reason).HasMaxLength(500);
            e.Property(r => r.DoseBefore).HasMaxLength(50);
            e.Property(r => r.DoseAfter).HasMaxLength(50);
            e.Property(r => r.UnitBefore).HasMaxLength(20);
            e.Property(r => r.UnitAfter).HasMaxLength(20);
            e.Property(r => r.FrequencyBefore).HasMaxLength(50);
            e.Property(r => r.FrequencyAfter).HasMaxLength(50);
            e.Property(r => r.RouteBefore).HasMaxLength(30);
            e.Property(r => r.RouteAfter).HasMaxLength(30);
            e.Property(r => r.Summary).HasMaxLength(2000);
            e.HasIndex(r => new { r.MedicineId, r.ChangedAt });
            e.HasIndex(r => r.PatientId);
            e.HasOne<PatientMedicine>().WithMany().HasForeignKey(r => r.MedicineId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

/// <summary>The Medicines feature's tables, as properties of the context (C# extension members), so the kernel's
/// context never names them.</summary>
public static class MedicinesTables
{
    extension(SpeciosaDbContext db)
    {
        public DbSet<PatientMedicine> PatientMedicines => db.Set<PatientMedicine>();

        public DbSet<PatientMedicineChange> PatientMedicineChanges => db.Set<PatientMedicineChange>();
    }
}
