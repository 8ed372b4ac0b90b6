using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>Issue 17: since doses have a status (the round, M0026), every dose read is filtered to given doses, so the recall
/// trace's "a lot's given doses per patient" read each of the lot's dose rows to check <c>Status</c> (1–2 s for 112k doses on
/// the bench's SQLite clinic). The recall index gets <c>Status</c> after the lot and clinic, so the count, the latest dose and
/// the exposed patients' ids come from the index alone again.</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261207060000_RecallTraceStatus")]
public sealed class M0034_RecallTraceStatus : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Doses_LotId_ClinicId_PatientId_GivenAt", table: "Doses");
        migrationBuilder.CreateIndex(name: "IX_Doses_LotId_ClinicId_Status_PatientId_GivenAt", table: "Doses",
            columns: ["LotId", "ClinicId", "Status", "PatientId", "GivenAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Doses_LotId_ClinicId_Status_PatientId_GivenAt", table: "Doses");
        migrationBuilder.CreateIndex(name: "IX_Doses_LotId_ClinicId_PatientId_GivenAt", table: "Doses",
            columns: ["LotId", "ClinicId", "PatientId", "GivenAt"]);
    }
}
