using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;

namespace Speciosa.Web.DrugTesting;

/// <summary>A urine drug test specimen: when it was collected, and what it was read against when recorded (the current medicine
/// list as the medicine seam gave it, and whether a kratom regimen was active on the collection day).</summary>
public sealed class DrugTest
{
    public Guid Id { get; set; }
    public Guid ClinicId { get; set; }
    public Guid PatientId { get; set; }
    public required string Specimen { get; set; }
    public DateTimeOffset CollectedAt { get; set; }
    public bool OnKratomRegimen { get; set; }

    /// <summary>The medicine list read against: JSON list of { name, classIds }.</summary>
    public required string MedicinesJson { get; set; }

    public string? Note { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedBy { get; set; }
}

/// <summary>One analyte's result by one method, with the reading made when it was recorded (never re-read later, so a change to
/// the medicine list does not rewrite history).</summary>
public sealed class DrugTestResultRow
{
    public Guid Id { get; set; }
    public Guid DrugTestId { get; set; }
    public required string Analyte { get; set; }
    public required string Method { get; set; }
    public string? Technique { get; set; }
    public bool Positive { get; set; }
    public decimal? CutoffNgPerMl { get; set; }
    public required string Reading { get; set; }
    public required string Explanation { get; set; }
}

/// <summary>EF mapping of the drug tests (migration M0016_DrugTests).</summary>
public sealed class DrugTestModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DrugTest>(e =>
        {
            e.ToTable("DrugTests");
            e.Property(t => t.Specimen).HasMaxLength(16);
            e.Property(t => t.MedicinesJson).HasMaxLength(4000);
            e.Property(t => t.Note).HasMaxLength(500);
            e.HasIndex(t => new { t.PatientId, t.CollectedAt });
            e.HasOne<Patient>().WithMany().HasForeignKey(t => t.PatientId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<DrugTestResultRow>(e =>
        {
            e.ToTable("DrugTestResults");
            e.Property(r => r.Analyte).HasMaxLength(64);
            e.Property(r => r.Method).HasMaxLength(16);
            e.Property(r => r.Technique).HasMaxLength(64);
            e.Property(r => r.CutoffNgPerMl).HasPrecision(12, 3);
            e.Property(r => r.Reading).HasMaxLength(32);
            e.Property(r => r.Explanation).HasMaxLength(500);
            e.HasIndex(r => r.DrugTestId);
            e.HasOne<DrugTest>().WithMany().HasForeignKey(r => r.DrugTestId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

/// <summary>The DrugTesting feature's tables, as properties of the context.</summary>
public static class DrugTestTables
{
    extension(SpeciosaDbContext db)
    {
        public DbSet<DrugTest> DrugTests => db.Set<DrugTest>();
        public DbSet<DrugTestResultRow> DrugTestResults => db.Set<DrugTestResultRow>();
    }
}
