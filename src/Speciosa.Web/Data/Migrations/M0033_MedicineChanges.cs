using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>Issue 15 item 5: a medicine's dose, unit, frequency and route can be changed (not only added, stopped or marked in
/// error); each change keeps who, when, why, the fields before and after and what the re-run interaction screen said.</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261206060000_MedicineChanges")]
public sealed class M0033_MedicineChanges : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.Instant();
        migrationBuilder.CreateTable(
            name: "PatientMedicineChanges",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                MedicineId = t.Column<Guid>(nullable: false),
                PatientId = t.Column<Guid>(nullable: false),
                ChangedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                ChangedByUserId = t.Column<Guid>(nullable: false),
                Reason = t.Column<string>(maxLength: 500, nullable: false),
                DoseBefore = t.Column<string>(maxLength: 50, nullable: true),
                UnitBefore = t.Column<string>(maxLength: 20, nullable: true),
                FrequencyBefore = t.Column<string>(maxLength: 50, nullable: true),
                RouteBefore = t.Column<string>(maxLength: 30, nullable: true),
                DoseAfter = t.Column<string>(maxLength: 50, nullable: true),
                UnitAfter = t.Column<string>(maxLength: 20, nullable: true),
                FrequencyAfter = t.Column<string>(maxLength: 50, nullable: true),
                RouteAfter = t.Column<string>(maxLength: 30, nullable: true),
                Summary = t.Column<string>(maxLength: 2000, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PatientMedicineChanges", x => x.Id);
                t.ForeignKey("FK_PatientMedicineChanges_PatientMedicines_MedicineId", x => x.MedicineId, "PatientMedicines", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_PatientMedicineChanges_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PatientMedicineChanges_MedicineId_ChangedAt", "PatientMedicineChanges", ["MedicineId", "ChangedAt"]);
        migrationBuilder.CreateIndex("IX_PatientMedicineChanges_PatientId", "PatientMedicineChanges", "PatientId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("PatientMedicineChanges");
}
