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
            // The worklist's order (most severe, newest, then id), with and without a severity filter (M0020), by rule or by
            // assignee (M0027); each ends in SnoozedUntil (M0032), so the open-and-not-snoozed count and filter are read from the
            // index alone instead of from every open alert's row. The patient filter uses (PatientId, Status); the latest alert of
            // one condition (the recurrence rule) uses (PatientId, RuleId, ConditionKey, RaisedAt).
            e.HasIndex(a => new { a.ClinicId, a.Status, a.SeverityRank, a.RaisedAt, a.Id, a.SnoozedUntil })
                .IsDescending(false, false, true, true, false, false).HasDatabaseName("IX_Alerts_ClinicId_Status_Worklist");
            e.HasIndex(a => new { a.ClinicId, a.Status, a.Severity, a.SeverityRank, a.RaisedAt, a.Id, a.SnoozedUntil })
                .IsDescending(false, false, false, true, true, false, false).HasDatabaseName("IX_Alerts_ClinicId_Status_Severity_Worklist");
            e.HasIndex(a => new { a.PatientId, a.Status });
            e.HasIndex(a => new { a.ClinicId, a.Status, a.RuleId, a.SeverityRank, a.RaisedAt, a.Id, a.SnoozedUntil })
                .IsDescending(false, false, false, true, true, false, false).HasDatabaseName("IX_Alerts_ClinicId_Status_RuleId_Worklist");
            e.HasIndex(a => new { a.ClinicId, a.Status, a.AssignedToUserId, a.SeverityRank, a.RaisedAt, a.Id, a.SnoozedUntil })
                .IsDescending(false, false, false, true, true, false, false).HasDatabaseName("IX_Alerts_ClinicId_Status_AssignedTo_Worklist");
            e.HasIndex(a => new { a.PatientId, a.RuleId, a.ConditionKey, a.RaisedAt });
            e.HasOne<Clinic>().WithMany().HasForeignKey(a => a.ClinicId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
