using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>Alert lifecycle (acknowledge with note, resolve by hand or automatically, severity rank for the worklist,
/// one active alert per patient, rule and condition key), lab results, adverse events and concomitant medicines.</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261123050000_Safety")]
public sealed class M0005_Safety : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.Instant();

        migrationBuilder.AddColumn<int>("SeverityRank", "Alerts", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<DateTimeOffset>("AcknowledgedAt", "Alerts", type: instant, nullable: true);
        migrationBuilder.AddColumn<Guid>("AcknowledgedByUserId", "Alerts", nullable: true);
        migrationBuilder.AddColumn<string>("AcknowledgementNote", "Alerts", maxLength: 1000, nullable: true);
        migrationBuilder.AddColumn<DateTimeOffset>("ResolvedAt", "Alerts", type: instant, nullable: true);
        migrationBuilder.AddColumn<Guid>("ResolvedByUserId", "Alerts", nullable: true);
        migrationBuilder.AddColumn<string>("ResolutionReason", "Alerts", maxLength: 1000, nullable: true);
        migrationBuilder.AddColumn<Guid>("ConcurrencyStamp", "Alerts", nullable: false, defaultValue: Guid.Empty);
        migrationBuilder.Sql("UPDATE \"Alerts\" SET \"SeverityRank\" = CASE \"Severity\" WHEN 'Critical' THEN 3 WHEN 'High' THEN 2 WHEN 'Warning' THEN 1 ELSE 0 END;");

        // Keys were unique per rule across patients and only while open; now per patient and while not resolved.
        migrationBuilder.DropIndex("IX_Alerts_RuleId_ConditionKey", "Alerts");
        migrationBuilder.DropIndex("IX_Alerts_ClinicId_Status", "Alerts");
        migrationBuilder.CreateIndex("IX_Alerts_PatientId_RuleId_ConditionKey", "Alerts", ["PatientId", "RuleId", "ConditionKey"],
            unique: true, filter: "\"Status\" <> 'resolved'");
        migrationBuilder.CreateIndex("IX_Alerts_ClinicId_Status_SeverityRank", "Alerts", ["ClinicId", "Status", "SeverityRank"]);

        migrationBuilder.CreateTable(
            name: "LabResults",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                PatientId = t.Column<Guid>(nullable: false),
                Test = t.Column<string>(maxLength: 32, nullable: false),
                Loinc = t.Column<string>(maxLength: 16, nullable: false),
                Value = t.Column<decimal>(precision: 14, scale: 4, nullable: false),
                Unit = t.Column<string>(maxLength: 16, nullable: false),
                ReferenceLow = t.Column<decimal>(precision: 14, scale: 4, nullable: true),
                UpperLimitOfNormal = t.Column<decimal>(precision: 14, scale: 4, nullable: true),
                CollectedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                IsBaseline = t.Column<bool>(nullable: false),
                LabName = t.Column<string>(maxLength: 200, nullable: true),
                EnteredVia = t.Column<string>(maxLength: 16, nullable: false),
                RecordedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedByUserId = t.Column<Guid>(nullable: false),
                EnteredInError = t.Column<bool>(nullable: false),
                EnteredInErrorReason = t.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_LabResults", x => x.Id);
                t.ForeignKey("FK_LabResults_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_LabResults_PatientId_Test_CollectedAt", "LabResults", ["PatientId", "Test", "CollectedAt"]);

        migrationBuilder.CreateTable(
            name: "AdverseEvents",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                PatientId = t.Column<Guid>(nullable: false),
                TermId = t.Column<string>(maxLength: 64, nullable: true),
                TermText = t.Column<string>(maxLength: 200, nullable: false),
                Grade = t.Column<int>(nullable: false),
                Onset = t.Column<DateTimeOffset>(type: instant, nullable: false),
                ResolvedAt = t.Column<DateTimeOffset>(type: instant, nullable: true),
                Outcome = t.Column<string>(maxLength: 32, nullable: false),
                Relatedness = t.Column<string>(maxLength: 32, nullable: false),
                SeriousnessCriteria = t.Column<string>(maxLength: 300, nullable: false),
                Serious = t.Column<bool>(nullable: false),
                ActionTaken = t.Column<string>(maxLength: 32, nullable: false),
                Description = t.Column<string>(maxLength: 4000, nullable: true),
                RecordedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedByUserId = t.Column<Guid>(nullable: false),
                EnteredInError = t.Column<bool>(nullable: false),
                EnteredInErrorReason = t.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AdverseEvents", x => x.Id);
                t.ForeignKey("FK_AdverseEvents_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_AdverseEvents_PatientId_Onset", "AdverseEvents", ["PatientId", "Onset"]);

        migrationBuilder.CreateTable(
            name: "PatientMedicines",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                PatientId = t.Column<Guid>(nullable: false),
                Name = t.Column<string>(maxLength: 200, nullable: false),
                RxNorm = t.Column<string>(maxLength: 16, nullable: true),
                Classes = t.Column<string>(maxLength: 500, nullable: false),
                RecordedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedByUserId = t.Column<Guid>(nullable: false),
                StoppedAt = t.Column<DateTimeOffset>(type: instant, nullable: true),
                EnteredInError = t.Column<bool>(nullable: false),
                EnteredInErrorReason = t.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PatientMedicines", x => x.Id);
                t.ForeignKey("FK_PatientMedicines_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PatientMedicines_PatientId", "PatientMedicines", "PatientId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("PatientMedicines");
        migrationBuilder.DropTable("AdverseEvents");
        migrationBuilder.DropTable("LabResults");
        migrationBuilder.DropIndex("IX_Alerts_ClinicId_Status_SeverityRank", "Alerts");
        migrationBuilder.DropIndex("IX_Alerts_PatientId_RuleId_ConditionKey", "Alerts");
        migrationBuilder.CreateIndex("IX_Alerts_RuleId_ConditionKey", "Alerts", ["RuleId", "ConditionKey"], unique: true, filter: "\"Status\" = 'open'");
        migrationBuilder.CreateIndex("IX_Alerts_ClinicId_Status", "Alerts", ["ClinicId", "Status"]);
        foreach (var column in new[] { "SeverityRank", "AcknowledgedAt", "AcknowledgedByUserId", "AcknowledgementNote", "ResolvedAt", "ResolvedByUserId", "ResolutionReason", "ConcurrencyStamp" })
        {
            migrationBuilder.DropColumn(column, "Alerts");
        }
    }
}
