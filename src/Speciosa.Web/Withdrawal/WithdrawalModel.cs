using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Withdrawal;

/// <summary>EF mapping of opioid use, episodes and assessments (migration M0004_PatientsAndWithdrawal).</summary>
public sealed class WithdrawalModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OpioidUse>(e =>
        {
            e.ToTable("OpioidUses");
            e.Property(u => u.SubstanceId).HasMaxLength(64);
            e.Property(u => u.AmountPerDay).HasPrecision(12, 3);
            e.Property(u => u.Unit).HasMaxLength(16);
            e.Property(u => u.Release).HasMaxLength(16);
            e.Property(u => u.Route).HasMaxLength(32);
            e.HasIndex(u => u.PatientId);
            e.HasOne<Patient>().WithMany().HasForeignKey(u => u.PatientId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<WithdrawalEpisode>(e =>
        {
            e.ToTable("WithdrawalEpisodes");
            e.Property(w => w.CourseClassId).HasMaxLength(64);
            e.HasIndex(w => w.PatientId);
            e.HasIndex(w => w.OpioidUseId);
            e.HasOne<Patient>().WithMany().HasForeignKey(w => w.PatientId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<OpioidUse>().WithMany().HasForeignKey(w => w.OpioidUseId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Assessment>(e =>
        {
            e.ToTable("Assessments");
            e.Property(a => a.InstrumentId).HasMaxLength(64);
            e.Property(a => a.AnswersJson).HasMaxLength(4000);
            e.Property(a => a.Band).HasMaxLength(64);
            e.HasIndex(a => new { a.PatientId, a.AssessedAt });
            e.HasIndex(a => a.EpisodeId);
            e.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<WithdrawalEpisode>().WithMany().HasForeignKey(a => a.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

/// <summary>The Withdrawal feature's tables, as properties of the context (C# extension members), so the kernel's
/// context never names them.</summary>
public static class WithdrawalTables
{
    extension(SpeciosaDbContext db)
    {
        public DbSet<OpioidUse> OpioidUses => db.Set<OpioidUse>();
        public DbSet<WithdrawalEpisode> WithdrawalEpisodes => db.Set<WithdrawalEpisode>();
        public DbSet<Assessment> Assessments => db.Set<Assessment>();
    }
}
