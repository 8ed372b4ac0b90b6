using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Research;

/// <summary>A patient as the research extract knows them: a random study id and the patient's secret date shift (days,
/// 1 to 365 either way). Drawn once, at the first extract that includes the patient, and never exported: the shift is
/// what keeps shifted dates from being turned back into real ones, the study id what keeps rows from naming the record.</summary>
public sealed class ResearchSubject
{
    public Guid PatientId { get; set; }
    public Guid ClinicId { get; set; }
    public required string StudyId { get; set; }
    public int DateShiftDays { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>EF mapping of the research subjects (migration M0021_ResearchSubjects).</summary>
public sealed class ResearchModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<ResearchSubject>(e =>
        {
            e.ToTable("ResearchSubjects");
            e.HasKey(s => s.PatientId);
            e.Property(s => s.StudyId).HasMaxLength(32);
            e.HasIndex(s => s.StudyId).IsUnique();
            e.HasIndex(s => s.ClinicId);
            e.HasOne<Patient>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Restrict);
        });
}

/// <summary>The Research feature's tables, as properties of the context.</summary>
public static class ResearchTables
{
    extension(SpeciosaDbContext db)
    {
        public DbSet<ResearchSubject> ResearchSubjects => db.Set<ResearchSubject>();
    }
}
