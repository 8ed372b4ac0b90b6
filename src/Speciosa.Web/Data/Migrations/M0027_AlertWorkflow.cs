using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>Issue 15 item 6, the alert worklist's workflow: assign to a person, snooze with a reason until a time, and
/// the recurrence rule (a condition is raised again only after it was found cleared: <c>ConditionClearedAt</c>, and the
/// new alert names the earlier one in <c>PreviousAlertId</c>). Alerts that resolved automatically before this migration
/// cleared when they resolved. Two worklist indexes in the worklist's order serve the new rule and assignee filters
/// (the patient filter uses (PatientId, Status); the care-team filter PatientCareTeam's UserId index, then that one);
/// (PatientId, RuleId, ConditionKey, RaisedAt) finds the latest alert of a condition. Item 7, the audit viewer: the audit
/// log searched by patient, user or action newest first, each on an index ending in Sequence.</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261203040000_AlertWorkflow")]
public sealed class M0027_AlertWorkflow : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.Instant();
        migrationBuilder.AddColumn<DateTimeOffset>("ConditionClearedAt", "Alerts", type: instant, nullable: true);
        migrationBuilder.AddColumn<Guid>("PreviousAlertId", "Alerts", nullable: true);
        migrationBuilder.AddColumn<Guid>("AssignedToUserId", "Alerts", nullable: true);
        migrationBuilder.AddColumn<DateTimeOffset>("SnoozedUntil", "Alerts", type: instant, nullable: true);
        migrationBuilder.AddColumn<string>("SnoozeReason", "Alerts", maxLength: 500, nullable: true);
        migrationBuilder.AddColumn<Guid>("SnoozedByUserId", "Alerts", nullable: true);
        migrationBuilder.Sql("UPDATE \"Alerts\" SET \"ConditionClearedAt\" = \"ResolvedAt\" WHERE \"Status\" = 'resolved' AND \"ResolvedByUserId\" IS NULL;");

        migrationBuilder.CreateIndex(
            name: "IX_Alerts_ClinicId_Status_RuleId_SeverityRank_RaisedAt_Id", table: "Alerts",
            columns: ["ClinicId", "Status", "RuleId", "SeverityRank", "RaisedAt", "Id"], descending: [false, false, false, true, true, false]);
        migrationBuilder.CreateIndex(
            name: "IX_Alerts_ClinicId_Status_AssignedTo_Worklist", table: "Alerts",
            columns: ["ClinicId", "Status", "AssignedToUserId", "SeverityRank", "RaisedAt", "Id"], descending: [false, false, false, true, true, false]);
        migrationBuilder.CreateIndex(
            name: "IX_Alerts_PatientId_RuleId_ConditionKey_RaisedAt", table: "Alerts", columns: ["PatientId", "RuleId", "ConditionKey", "RaisedAt"]);

        // Item 7, the audit viewer: search by patient, user, action (and time) newest first, each from an index.
        migrationBuilder.DropIndex("IX_AuditEntries_PatientId", "AuditEntries");
        migrationBuilder.DropIndex("IX_AuditEntries_UserId", "AuditEntries");
        migrationBuilder.CreateIndex("IX_AuditEntries_PatientId_Sequence", "AuditEntries", ["PatientId", "Sequence"]);
        migrationBuilder.CreateIndex("IX_AuditEntries_UserId_Sequence", "AuditEntries", ["UserId", "Sequence"]);
        migrationBuilder.CreateIndex("IX_AuditEntries_ClinicId_Sequence", "AuditEntries", ["ClinicId", "Sequence"]);
        migrationBuilder.CreateIndex("IX_AuditEntries_ClinicId_Action_Sequence", "AuditEntries", ["ClinicId", "Action", "Sequence"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_AuditEntries_ClinicId_Action_Sequence", "AuditEntries");
        migrationBuilder.DropIndex("IX_AuditEntries_ClinicId_Sequence", "AuditEntries");
        migrationBuilder.DropIndex("IX_AuditEntries_UserId_Sequence", "AuditEntries");
        migrationBuilder.DropIndex("IX_AuditEntries_PatientId_Sequence", "AuditEntries");
        migrationBuilder.CreateIndex("IX_AuditEntries_PatientId", "AuditEntries", "PatientId");
        migrationBuilder.CreateIndex("IX_AuditEntries_UserId", "AuditEntries", "UserId");
        migrationBuilder.DropIndex(name: "IX_Alerts_PatientId_RuleId_ConditionKey_RaisedAt", table: "Alerts");
        migrationBuilder.DropIndex(name: "IX_Alerts_ClinicId_Status_AssignedTo_Worklist", table: "Alerts");
        migrationBuilder.DropIndex(name: "IX_Alerts_ClinicId_Status_RuleId_SeverityRank_RaisedAt_Id", table: "Alerts");
        foreach (var column in new[] { "SnoozedByUserId", "SnoozeReason", "SnoozedUntil", "AssignedToUserId", "PreviousAlertId", "ConditionClearedAt" })
        {
            migrationBuilder.DropColumn(column, "Alerts");
        }
    }
}
