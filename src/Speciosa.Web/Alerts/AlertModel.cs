using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;
using Speciosa.Web.Clinics;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Alerts;

/// <summary>EF mapping of the Alerts table (migrations M0004_PatientsAndWithdrawal, M0005_Safety).</summary>
public sealed class AlertModel : IModelPart
{
    /// <summary>Since migration Safety: one active (open or acknowledged) alert per patient, rule and condition key,
    /// so an acknowledged alert is not raised again while its condition persists.</summary>
    public const string ActiveFilter = "\"Status\" <> 'resolved'";

    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RaisedAlert>(e =>
        {
            e.ToTable("Alerts");
            e.Property(a => a.RuleId).HasMaxLength(100);
            e.Property(a => a.Severity).HasMaxLength(16);
            e.Property(a => a.ConditionKey).HasMaxLength(200);
            e.Property(a => a.Message).HasMaxLength(4000);
            e.Property(a => a.InputsJson).HasMaxLength(8000);
            e.Property(a => a.Threshold).HasMaxLength(500);
            e.Property(a => a.SourceCitation).HasMaxLength(2000);
            e.Property(a => a.SourceUrl).HasMaxLength(500);
            e.Property(a => a.Status).HasMaxLength(16);
            e.Property(a => a.AcknowledgementNote).HasMaxLength(1000);
            e.Property(a => a.ResolutionReason).HasMaxLength(1000);
            e.Property(a => a.SnoozeReason).HasMaxLength(500);
            e.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
            e.HasIndex(a => new { a.PatientId, a.RuleId, a.ConditionKey }).IsUnique().HasFilter(ActiveFilter);
            // The worklist's order (most severe, newest, then id), with and without a severity filter (M0020).
            e.HasIndex(a => new { a.ClinicId, a.Status, a.SeverityRank, a.RaisedAt, a.Id }).IsDescending(false, false, true, true, false);
            e.HasIndex(a => new { a.ClinicId, a.Status, a.Severity, a.SeverityRank, a.RaisedAt, a.Id }).IsDescending(false, false, false, true, true, false);
            e.HasIndex(a => new { a.PatientId, a.Status });
            // M0027 (issue 15 item 6): the worklist filtered by rule or by assignee, in the worklist's order; the latest alert
            // of one condition (the recurrence rule).
            e.HasIndex(a => new { a.ClinicId, a.Status, a.RuleId, a.SeverityRank, a.RaisedAt, a.Id }).IsDescending(false, false, false, true, true, false);
            e.HasIndex(a => new { a.ClinicId, a.Status, a.AssignedToUserId, a.SeverityRank, a.RaisedAt, a.Id }).IsDescending(false, false, false, true, true, false)
                .HasDatabaseName("IX_Alerts_ClinicId_Status_AssignedTo_Worklist"); // the default name passes PostgreSQL's 63 characters
            e.HasIndex(a => new { a.PatientId, a.RuleId, a.ConditionKey, a.RaisedAt });
            e.HasOne<Clinic>().WithMany().HasForeignKey(a => a.ClinicId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
