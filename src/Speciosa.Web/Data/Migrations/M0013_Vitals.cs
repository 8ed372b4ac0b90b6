using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>Vital signs with POSS (a COWS taken together shares its resting pulse as the heart rate) and ECGs with QTc
/// and correction formula (issue 13 parts 3 and 6).</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261201010000_Vitals")]
public sealed class M0013_Vitals : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "VitalSigns",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                PatientId = t.Column<Guid>(nullable: false),
                TakenAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
                HeartRateBpm = t.Column<int>(nullable: true),
                HeartRateAssessmentId = t.Column<Guid>(nullable: true),
                SystolicMmHg = t.Column<int>(nullable: true),
                DiastolicMmHg = t.Column<int>(nullable: true),
                RespiratoryRatePerMin = t.Column<int>(nullable: true),
                Spo2Percent = t.Column<int>(nullable: true),
                TemperatureCelsius = t.Column<decimal>(precision: 4, scale: 1, nullable: true),
                Poss = t.Column<string>(maxLength: 1, nullable: true),
                PossVersion = t.Column<int>(nullable: true),
                RecordedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
                RecordedByUserId = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_VitalSigns", x => x.Id);
                t.ForeignKey("FK_VitalSigns_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_VitalSigns_Assessments_HeartRateAssessmentId", x => x.HeartRateAssessmentId, "Assessments", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_VitalSigns_PatientId_TakenAt", "VitalSigns", ["PatientId", "TakenAt"]);
        migrationBuilder.CreateIndex("IX_VitalSigns_HeartRateAssessmentId", "VitalSigns", "HeartRateAssessmentId");

        migrationBuilder.CreateTable(
            name: "Ecgs",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                PatientId = t.Column<Guid>(nullable: false),
                TakenAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
                QtcMs = t.Column<int>(nullable: false),
                CorrectionFormula = t.Column<string>(maxLength: 20, nullable: false),
                QtMs = t.Column<int>(nullable: true),
                HeartRateBpm = t.Column<int>(nullable: true),
                Interpretation = t.Column<string>(maxLength: 500, nullable: true),
                RecordedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
                RecordedByUserId = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Ecgs", x => x.Id);
                t.ForeignKey("FK_Ecgs_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Ecgs_PatientId_TakenAt", "Ecgs", ["PatientId", "TakenAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Ecgs");
        migrationBuilder.DropTable("VitalSigns");
    }
}
