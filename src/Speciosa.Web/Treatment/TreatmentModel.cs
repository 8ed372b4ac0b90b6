using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Treatment;

/// <summary>EF mapping of the treatment-options, overdose-prevention and follow-up records (migration M0015_Treatment).</summary>
public sealed class TreatmentModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OverdosePreventionRecord>(e =>
        {
            e.ToTable("OverdosePreventionRecords");
            e.Property(r => r.Kind).HasMaxLength(40);
            e.Property(r => r.Note).HasMaxLength(500);
            e.HasIndex(r => r.PatientId);
            e.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<TreatmentDiscussion>(e =>
        {
            e.ToTable("TreatmentDiscussions");
            e.Property(r => r.Occasion).HasMaxLength(20);
            e.Property(r => r.OptionsDiscussed).HasMaxLength(200);
            e.Property(r => r.Decision).HasMaxLength(30);
            e.Property(r => r.ChosenOption).HasMaxLength(30);
            e.Property(r => r.Reason).HasMaxLength(1000);
            e.Property(r => r.ReferredTo).HasMaxLength(200);
            e.HasIndex(r => r.PatientId);
            e.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<FollowUpContact>(e =>
        {
            e.ToTable("FollowUpContacts");
            e.Property(r => r.Mode).HasMaxLength(20);
            e.Property(r => r.Note).HasMaxLength(500);
            e.HasIndex(r => r.PatientId);
            e.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

/// <summary>The Treatment feature's tables, as properties of the context.</summary>
public static class TreatmentTables
{
    extension(SpeciosaDbContext db)
    {
        public DbSet<OverdosePreventionRecord> OverdosePreventionRecords => db.Set<OverdosePreventionRecord>();
        public DbSet<TreatmentDiscussion> TreatmentDiscussions => db.Set<TreatmentDiscussion>();
        public DbSet<FollowUpContact> FollowUpContacts => db.Set<FollowUpContact>();
    }
}
