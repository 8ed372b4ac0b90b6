using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>Mental health and diagnosis (issue 13 parts 7 and 8): PHQ-9/GAD-7/AUDIT-C screenings with their item answers and
/// instrument version, clinicians' safety assessments after PHQ-9 item 9, and DSM-5 use-disorder checklists.</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261201020000_MentalHealth")]
public sealed class M0014_MentalHealth : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Screenings",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                PatientId = t.Column<Guid>(nullable: false),
                InstrumentId = t.Column<string>(maxLength: 64, nullable: false),
                InstrumentVersion = t.Column<int>(nullable: false),
                AnswersJson = t.Column<string>(maxLength: 1000, nullable: false),
                Total = t.Column<int>(nullable: false),
                Band = t.Column<string>(maxLength: 64, nullable: true),
                AssessedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
                RecordedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
                RatedByUserId = t.Column<Guid>(nullable: false),
                PatientReported = t.Column<bool>(nullable: false),
                ReviewedByUserId = t.Column<Guid>(nullable: true),
                ReviewedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Screenings", x => x.Id);
                t.ForeignKey("FK_Screenings_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Screenings_PatientId_AssessedAt", "Screenings", ["PatientId", "AssessedAt"]);

        migrationBuilder.CreateTable(
            name: "SafetyAssessments",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                PatientId = t.Column<Guid>(nullable: false),
                ScreeningId = t.Column<Guid>(nullable: true),
                AssessedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
                RecordedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
                AssessedByUserId = t.Column<Guid>(nullable: false),
                Outcome = t.Column<string>(maxLength: 64, nullable: false),
                Plan = t.Column<string>(maxLength: 2000, nullable: false),
                StructuredInstrument = t.Column<string>(maxLength: 200, nullable: true),
                PathwayVersion = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_SafetyAssessments", x => x.Id);
                t.ForeignKey("FK_SafetyAssessments_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_SafetyAssessments_Screenings_ScreeningId", x => x.ScreeningId, "Screenings", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_SafetyAssessments_PatientId", "SafetyAssessments", "PatientId");
        migrationBuilder.CreateIndex("IX_SafetyAssessments_ScreeningId", "SafetyAssessments", "ScreeningId");

        migrationBuilder.CreateTable(
            name: "UseDisorderAssessments",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                PatientId = t.Column<Guid>(nullable: false),
                Substance = t.Column<string>(maxLength: 32, nullable: false),
                Occasion = t.Column<string>(maxLength: 16, nullable: false),
                CriteriaMetJson = t.Column<string>(maxLength: 200, nullable: false),
                UnderMedicalSupervision = t.Column<bool>(nullable: false),
                CountedCriteria = t.Column<int>(nullable: false),
                Severity = t.Column<string>(maxLength: 32, nullable: true),
                CriteriaVersion = t.Column<int>(nullable: false),
                AssessedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
                RecordedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
                RecordedByUserId = t.Column<Guid>(nullable: false),
                Note = t.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_UseDisorderAssessments", x => x.Id);
                t.ForeignKey("FK_UseDisorderAssessments_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_UseDisorderAssessments_PatientId_AssessedAt", "UseDisorderAssessments", ["PatientId", "AssessedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("UseDisorderAssessments");
        migrationBuilder.DropTable("SafetyAssessments");
        migrationBuilder.DropTable("Screenings");
    }
}
