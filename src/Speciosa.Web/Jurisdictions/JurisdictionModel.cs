using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;

namespace Speciosa.Web.Jurisdictions;

/// <summary>EF mapping of the registry tables (migration 20261122040000_Jurisdictions).</summary>
public sealed class JurisdictionModel : IModelPart
{
    public const int IdLength = 100;
    public const int LocalityLength = 200;
    public const int StatusTextLength = 500;
    public const int LongTextLength = 2000;
    public const int ReasonLength = 1000;

    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<JurisdictionRecord>(e =>
        {
            e.ToTable("Jurisdictions");
            e.HasKey(j => j.Id);
            e.Property(j => j.Id).HasMaxLength(IdLength);
            e.Property(j => j.Country).HasMaxLength(2);
            e.Property(j => j.Subdivision).HasMaxLength(6);
            e.Property(j => j.Locality).HasMaxLength(LocalityLength);
            e.Property(j => j.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(j => j.StatusText).HasMaxLength(StatusTextLength);
            e.Property(j => j.Effective).HasMaxLength(16);
            e.Property(j => j.SevenOhPercent).HasPrecision(6, 3);
            e.Property(j => j.SevenOhBasis).HasMaxLength(32);
            e.Property(j => j.Conditions).HasMaxLength(1000);
            e.Property(j => j.ConditionsText).HasMaxLength(LongTextLength);
            e.Property(j => j.Note).HasMaxLength(LongTextLength);
            e.Property(j => j.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
            e.HasIndex(j => new { j.Country, j.Subdivision });
        });

        modelBuilder.Entity<JurisdictionChange>(e =>
        {
            e.ToTable("JurisdictionChanges");
            e.Property(c => c.EntryId).HasMaxLength(IdLength);
            e.Property(c => c.Kind).HasMaxLength(16);
            e.Property(c => c.ChangedBy).HasMaxLength(256);
            e.Property(c => c.Reason).HasMaxLength(ReasonLength);
            e.HasIndex(c => c.EntryId);
            e.HasOne<JurisdictionRecord>().WithMany().HasForeignKey(c => c.EntryId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => c.ProposalId);
        });

        modelBuilder.Entity<JurisdictionProposal>(e =>
        {
            e.ToTable("JurisdictionProposals");
            e.Property(p => p.EntryId).HasMaxLength(IdLength);
            e.Property(p => p.Kind).HasMaxLength(16);
            e.Property(p => p.EntryStamp).HasMaxLength(32);
            e.Property(p => p.Reason).HasMaxLength(ReasonLength);
            e.Property(p => p.RefusesSupply).HasMaxLength(LongTextLength);
            e.Property(p => p.ProposedBy).HasMaxLength(256);
            e.Property(p => p.Status).HasMaxLength(16);
            e.Property(p => p.DecidedBy).HasMaxLength(256);
            e.Property(p => p.DecisionNote).HasMaxLength(ReasonLength);
            e.Property(p => p.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
            e.HasIndex(p => new { p.Status, p.ProposedAt });
            e.HasIndex(p => p.EntryId);
        });

        modelBuilder.Entity<LegalConfirmation>(e =>
        {
            e.ToTable("LegalConfirmations");
            e.Property(c => c.Context).HasMaxLength(40);
            e.Property(c => c.EntryId).HasMaxLength(IdLength);
            e.Property(c => c.Warnings).HasMaxLength(LongTextLength);
            e.HasIndex(c => c.PatientId);
            e.HasOne<Patients.Patient>().WithMany().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

/// <summary>The Jurisdictions feature's tables, as properties of the context (C# extension members), so the kernel's
/// context never names them.</summary>
public static class JurisdictionsTables
{
    extension(SpeciosaDbContext db)
    {
        public DbSet<JurisdictionRecord> Jurisdictions => db.Set<JurisdictionRecord>();
        public DbSet<JurisdictionChange> JurisdictionChanges => db.Set<JurisdictionChange>();
        public DbSet<LegalConfirmation> LegalConfirmations => db.Set<LegalConfirmation>();
        public DbSet<JurisdictionProposal> JurisdictionProposals => db.Set<JurisdictionProposal>();
    }
}
