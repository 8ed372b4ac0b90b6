using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;
using Speciosa.Web.Withdrawal;

namespace Speciosa.Web.Vitals;

/// <summary>EF mapping of vital signs and ECGs (migration M0013_Vitals).</summary>
public sealed class VitalsModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<VitalSignSet>(e =>
        {
            e.ToTable("VitalSigns");
            e.Property(v => v.Poss).HasMaxLength(1);
            e.Property(v => v.TemperatureCelsius).HasPrecision(4, 1);
            e.HasIndex(v => new { v.PatientId, v.TakenAt });
            e.HasIndex(v => v.HeartRateAssessmentId);
            e.HasOne<Patient>().WithMany().HasForeignKey(v => v.PatientId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Assessment>().WithMany().HasForeignKey(v => v.HeartRateAssessmentId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Ecg>(e =>
        {
            e.ToTable("Ecgs");
            e.Property(x => x.CorrectionFormula).HasMaxLength(20);
            e.Property(x => x.Interpretation).HasMaxLength(500);
            e.HasIndex(x => new { x.PatientId, x.TakenAt });
            e.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

/// <summary>The Vitals feature's tables, as properties of the context (C# extension members).</summary>
public static class VitalsTables
{
    extension(SpeciosaDbContext db)
    {
        public DbSet<VitalSignSet> VitalSigns => db.Set<VitalSignSet>();

        public DbSet<Ecg> Ecgs => db.Set<Ecg>();
    }
}
