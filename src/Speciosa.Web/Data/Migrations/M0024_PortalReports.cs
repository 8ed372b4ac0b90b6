using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>What patients report through the portal (issue 14 items 3 and 7): adverse events gain "draft" and "patient-reported"
/// (a side effect becomes a draft for staff), and the staff review queue keeps its decisions (accepted, commented, contact
/// the patient) per reported item, with who, when, the note and a concurrency stamp.</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261203010000_PortalReports")]
public sealed class M0024_PortalReports : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>("Draft", "AdverseEvents", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<bool>("PatientReported", "AdverseEvents", nullable: false, defaultValue: false);
        migrationBuilder.CreateIndex("IX_AdverseEvents_PatientReported_RecordedAt", "AdverseEvents", ["PatientReported", "RecordedAt"]);

        migrationBuilder.CreateTable(
            name: "PatientReportReviews",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ClinicId = t.Column<Guid>(nullable: false),
                PatientId = t.Column<Guid>(nullable: false),
                Kind = t.Column<string>(maxLength: 32, nullable: false),
                ItemId = t.Column<Guid>(nullable: false),
                State = t.Column<string>(maxLength: 16, nullable: false),
                Note = t.Column<string>(maxLength: 1000, nullable: true),
                ReviewedBy = t.Column<Guid>(nullable: false),
                ReviewedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
                ConcurrencyStamp = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PatientReportReviews", x => x.Id);
                t.ForeignKey("FK_PatientReportReviews_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PatientReportReviews_Kind_ItemId", "PatientReportReviews", ["Kind", "ItemId"], unique: true);
        migrationBuilder.CreateIndex("IX_PatientReportReviews_PatientId", "PatientReportReviews", "PatientId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("PatientReportReviews");
        migrationBuilder.DropIndex("IX_AdverseEvents_PatientReported_RecordedAt", "AdverseEvents");
        migrationBuilder.DropColumn("PatientReported", "AdverseEvents");
        migrationBuilder.DropColumn("Draft", "AdverseEvents");
    }
}
