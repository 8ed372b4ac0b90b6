using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>FHIR data in and out (issue 16): the identifier a lab gave each result it sent as a FHIR Observation (a
/// re-sent Bundle adds nothing), and the Bulk Data export jobs with their ndjson files, kept in the database so an
/// export survives a restart of the app (docs/fhir.md).</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261203050000_BulkExport")]
public sealed class M0028_BulkExport : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.Instant();
        migrationBuilder.AddColumn<string>("SourceIdentifier", "LabResults", maxLength: 300, nullable: true);
        migrationBuilder.CreateIndex("IX_LabResults_PatientId_SourceIdentifier", "LabResults", ["PatientId", "SourceIdentifier"], unique: true);

        migrationBuilder.CreateTable(
            name: "FhirExportJobs",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ClinicId = t.Column<Guid>(nullable: false),
                RequestedByUserId = t.Column<Guid>(nullable: false),
                PatientLevel = t.Column<bool>(nullable: false),
                Types = t.Column<string>(maxLength: 400, nullable: false),
                Since = t.Column<DateTimeOffset>(type: instant, nullable: true),
                RequestUrl = t.Column<string>(maxLength: 2000, nullable: false),
                Status = t.Column<string>(maxLength: 16, nullable: false),
                RequestedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                CompletedAt = t.Column<DateTimeOffset>(type: instant, nullable: true),
                Progress = t.Column<string>(maxLength: 200, nullable: true),
                Error = t.Column<string>(maxLength: 1000, nullable: true),
                Attempts = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_FhirExportJobs", x => x.Id);
                t.ForeignKey("FK_FhirExportJobs_Clinics_ClinicId", x => x.ClinicId, "Clinics", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_FhirExportJobs_Status", "FhirExportJobs", "Status");
        migrationBuilder.CreateIndex("IX_FhirExportJobs_ClinicId", "FhirExportJobs", "ClinicId");

        migrationBuilder.CreateTable(
            name: "FhirExportFiles",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                JobId = t.Column<Guid>(nullable: false),
                Type = t.Column<string>(maxLength: 64, nullable: false),
                Count = t.Column<int>(nullable: false),
                Content = t.Column<string>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_FhirExportFiles", x => x.Id);
                t.ForeignKey("FK_FhirExportFiles_FhirExportJobs_JobId", x => x.JobId, "FhirExportJobs", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_FhirExportFiles_JobId_Type", "FhirExportFiles", ["JobId", "Type"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("FhirExportFiles");
        migrationBuilder.DropTable("FhirExportJobs");
        migrationBuilder.DropIndex("IX_LabResults_PatientId_SourceIdentifier", "LabResults");
        migrationBuilder.DropColumn("SourceIdentifier", "LabResults");
    }
}
