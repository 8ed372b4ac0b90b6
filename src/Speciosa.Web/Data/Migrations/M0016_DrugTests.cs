using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>Urine drug tests (issue 13 part 5): the specimen (collection time, who recorded it, the medicine list and kratom
/// regimen it was read against) and its results by analyte and method, each with the reading made when it was recorded.</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261201040000_DrugTests")]
public sealed class M0016_DrugTests : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DrugTests",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ClinicId = t.Column<Guid>(nullable: false),
                PatientId = t.Column<Guid>(nullable: false),
                Specimen = t.Column<string>(maxLength: 16, nullable: false),
                CollectedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
                OnKratomRegimen = t.Column<bool>(nullable: false),
                MedicinesJson = t.Column<string>(maxLength: 4000, nullable: false),
                Note = t.Column<string>(maxLength: 500, nullable: true),
                RecordedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
                RecordedBy = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_DrugTests", x => x.Id);
                t.ForeignKey("FK_DrugTests_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_DrugTests_PatientId_CollectedAt", "DrugTests", ["PatientId", "CollectedAt"]);

        migrationBuilder.CreateTable(
            name: "DrugTestResults",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                DrugTestId = t.Column<Guid>(nullable: false),
                Analyte = t.Column<string>(maxLength: 64, nullable: false),
                Method = t.Column<string>(maxLength: 16, nullable: false),
                Technique = t.Column<string>(maxLength: 64, nullable: true),
                Positive = t.Column<bool>(nullable: false),
                CutoffNgPerMl = t.Column<decimal>(precision: 12, scale: 3, nullable: true),
                Reading = t.Column<string>(maxLength: 32, nullable: false),
                Explanation = t.Column<string>(maxLength: 500, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_DrugTestResults", x => x.Id);
                t.ForeignKey("FK_DrugTestResults_DrugTests_DrugTestId", x => x.DrugTestId, "DrugTests", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_DrugTestResults_DrugTestId", "DrugTestResults", "DrugTestId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("DrugTestResults");
        migrationBuilder.DropTable("DrugTests");
    }
}
