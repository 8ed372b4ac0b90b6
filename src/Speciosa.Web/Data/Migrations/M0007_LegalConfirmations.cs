using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>Clinicians' confirmations of legal warnings (enrolment, regimen, lot choice).</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261123070000_LegalConfirmations")]
public sealed class M0007_LegalConfirmations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "LegalConfirmations",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ClinicId = t.Column<Guid>(nullable: false),
                PatientId = t.Column<Guid>(nullable: false),
                Context = t.Column<string>(maxLength: 40, nullable: false),
                ConfirmedByUserId = t.Column<Guid>(nullable: false),
                ConfirmedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
                EntryId = t.Column<string>(maxLength: 100, nullable: true),
                Warnings = t.Column<string>(maxLength: 2000, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_LegalConfirmations", x => x.Id);
                t.ForeignKey("FK_LegalConfirmations_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_LegalConfirmations_PatientId", "LegalConfirmations", "PatientId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("LegalConfirmations");
}
