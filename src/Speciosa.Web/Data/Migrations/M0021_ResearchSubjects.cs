using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>The research extract's per-patient secrets (issue 16 item 5): a random study id and a date shift in days, drawn once
/// per patient and never exported.</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261202020000_ResearchSubjects")]
public sealed class M0021_ResearchSubjects : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ResearchSubjects",
            columns: t => new
            {
                PatientId = t.Column<Guid>(nullable: false),
                ClinicId = t.Column<Guid>(nullable: false),
                StudyId = t.Column<string>(maxLength: 32, nullable: false),
                DateShiftDays = t.Column<int>(nullable: false),
                CreatedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ResearchSubjects", x => x.PatientId);
                t.ForeignKey("FK_ResearchSubjects_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ResearchSubjects_StudyId", "ResearchSubjects", "StudyId", unique: true);
        migrationBuilder.CreateIndex("IX_ResearchSubjects_ClinicId", "ResearchSubjects", "ClinicId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("ResearchSubjects");
}
