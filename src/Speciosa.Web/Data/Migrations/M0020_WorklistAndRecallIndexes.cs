using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>Issue 17 (perf review wins 3 and 4). The alert worklist reads a clinic's alerts of one status, most severe
/// then newest first (optionally of one severity): two indexes in exactly that order replace
/// (ClinicId, Status, SeverityRank), which left every page to sort all open alerts. The recall trace counts a lot's
/// doses per patient since a date: (LotId, ClinicId, PatientId, GivenAt) answers it from the index alone, grouped,
/// and replaces (LotId, GivenAt).</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261201080000_WorklistAndRecallIndexes")]
public sealed class M0020_WorklistAndRecallIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Alerts_ClinicId_Status_SeverityRank", table: "Alerts");
        migrationBuilder.CreateIndex(
            name: "IX_Alerts_ClinicId_Status_SeverityRank_RaisedAt_Id", table: "Alerts",
            columns: ["ClinicId", "Status", "SeverityRank", "RaisedAt", "Id"], descending: [false, false, true, true, false]);
        migrationBuilder.CreateIndex(
            name: "IX_Alerts_ClinicId_Status_Severity_SeverityRank_RaisedAt_Id", table: "Alerts",
            columns: ["ClinicId", "Status", "Severity", "SeverityRank", "RaisedAt", "Id"], descending: [false, false, false, true, true, false]);

        migrationBuilder.DropIndex(name: "IX_Doses_LotId_GivenAt", table: "Doses");
        migrationBuilder.CreateIndex(
            name: "IX_Doses_LotId_ClinicId_PatientId_GivenAt", table: "Doses", columns: ["LotId", "ClinicId", "PatientId", "GivenAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Doses_LotId_ClinicId_PatientId_GivenAt", table: "Doses");
        migrationBuilder.CreateIndex(name: "IX_Doses_LotId_GivenAt", table: "Doses", columns: ["LotId", "GivenAt"]);

        migrationBuilder.DropIndex(name: "IX_Alerts_ClinicId_Status_Severity_SeverityRank_RaisedAt_Id", table: "Alerts");
        migrationBuilder.DropIndex(name: "IX_Alerts_ClinicId_Status_SeverityRank_RaisedAt_Id", table: "Alerts");
        migrationBuilder.CreateIndex(name: "IX_Alerts_ClinicId_Status_SeverityRank", table: "Alerts", columns: ["ClinicId", "Status", "SeverityRank"]);
    }
}
