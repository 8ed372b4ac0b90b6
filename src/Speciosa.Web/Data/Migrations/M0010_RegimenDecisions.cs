using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>Clinicians' decisions on due titration steps (confirm or decline: who, when, the readings, the reason).</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261130020000_RegimenDecisions")]
public sealed class M0010_RegimenDecisions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "TitrationDecisions",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ClinicId = t.Column<Guid>(nullable: false),
                PatientId = t.Column<Guid>(nullable: false),
                RegimenId = t.Column<Guid>(nullable: false),
                RegimenVersion = t.Column<int>(nullable: false),
                StepNumber = t.Column<int>(nullable: false),
                GramsPerAdministration = t.Column<decimal>(precision: 9, scale: 3, nullable: false),
                Confirmed = t.Column<bool>(nullable: false),
                DecidedBy = t.Column<Guid>(nullable: false),
                DecidedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
                ReadingsJson = t.Column<string>(maxLength: 4000, nullable: false),
                Reason = t.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_TitrationDecisions", x => x.Id);
                t.ForeignKey("FK_TitrationDecisions_Regimens_RegimenId", x => x.RegimenId, "Regimens", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_TitrationDecisions_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_TitrationDecisions_RegimenId_StepNumber", "TitrationDecisions", ["RegimenId", "StepNumber"]);
        migrationBuilder.CreateIndex("IX_TitrationDecisions_PatientId", "TitrationDecisions", "PatientId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("TitrationDecisions");
}
