using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>Regimens (current-version mirror for indexes), every regimen version, and the dose log
/// (indexes on Doses(LotId, GivenAt) and Regimens(LotId) answer recall tracing).</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261123060000_Regimens")]
public sealed class M0006_Regimens : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.Instant();

        migrationBuilder.CreateTable(
            name: "Regimens",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ClinicId = t.Column<Guid>(nullable: false),
                PatientId = t.Column<Guid>(nullable: false),
                ProductId = t.Column<Guid>(nullable: false),
                LotId = t.Column<Guid>(nullable: true),
                StartDate = t.Column<DateOnly>(nullable: false),
                EndDate = t.Column<DateOnly>(nullable: true),
                CurrentVersion = t.Column<int>(nullable: false),
                CreatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                CreatedBy = t.Column<Guid>(nullable: false),
                ConcurrencyStamp = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Regimens", x => x.Id);
                t.ForeignKey("FK_Regimens_Clinics_ClinicId", x => x.ClinicId, "Clinics", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Regimens_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Regimens_Products_ProductId", x => x.ProductId, "Products", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Regimens_Lots_LotId", x => x.LotId, "Lots", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Regimens_LotId", "Regimens", "LotId");
        migrationBuilder.CreateIndex("IX_Regimens_PatientId_StartDate", "Regimens", ["PatientId", "StartDate"]);
        migrationBuilder.CreateIndex("IX_Regimens_ClinicId", "Regimens", "ClinicId");
        migrationBuilder.CreateIndex("IX_Regimens_ProductId", "Regimens", "ProductId");

        migrationBuilder.CreateTable(
            name: "RegimenVersions",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                RegimenId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
                ProductId = t.Column<Guid>(nullable: false),
                LotId = t.Column<Guid>(nullable: true),
                GramsPerAdministration = t.Column<decimal>(precision: 9, scale: 3, nullable: false),
                MaxAdministrationsPerDay = t.Column<int>(nullable: false),
                MaxGramsPerDay = t.Column<decimal>(precision: 9, scale: 3, nullable: false),
                StartDate = t.Column<DateOnly>(nullable: false),
                EndDate = t.Column<DateOnly>(nullable: true),
                BreaksJson = t.Column<string>(maxLength: 8000, nullable: false),
                TitrationJson = t.Column<string>(nullable: true),
                TaperJson = t.Column<string>(nullable: true),
                Reason = t.Column<string>(maxLength: 1000, nullable: false),
                AuthoredBy = t.Column<Guid>(nullable: false),
                AuthoredAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                LegalOutcome = t.Column<string>(maxLength: 32, nullable: false),
                LegalWarningsJson = t.Column<string>(nullable: true),
                LegalConfirmedBy = t.Column<Guid>(nullable: true),
                LegalConfirmedAt = t.Column<DateTimeOffset>(type: instant, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_RegimenVersions", x => x.Id);
                t.ForeignKey("FK_RegimenVersions_Regimens_RegimenId", x => x.RegimenId, "Regimens", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_RegimenVersions_RegimenId_Version", "RegimenVersions", ["RegimenId", "Version"], unique: true);

        migrationBuilder.CreateTable(
            name: "Doses",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ClinicId = t.Column<Guid>(nullable: false),
                PatientId = t.Column<Guid>(nullable: false),
                RegimenId = t.Column<Guid>(nullable: true),
                RegimenVersion = t.Column<int>(nullable: true),
                LotId = t.Column<Guid>(nullable: true),
                GivenAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                Grams = t.Column<decimal>(precision: 9, scale: 3, nullable: false),
                Source = t.Column<string>(maxLength: 32, nullable: false),
                RecordedBy = t.Column<Guid>(nullable: false),
                RecordedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                LegalWarningsJson = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Doses", x => x.Id);
                t.ForeignKey("FK_Doses_Clinics_ClinicId", x => x.ClinicId, "Clinics", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Doses_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Doses_Regimens_RegimenId", x => x.RegimenId, "Regimens", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Doses_Lots_LotId", x => x.LotId, "Lots", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Doses_LotId_GivenAt", "Doses", ["LotId", "GivenAt"]);
        migrationBuilder.CreateIndex("IX_Doses_PatientId_GivenAt", "Doses", ["PatientId", "GivenAt"]);
        migrationBuilder.CreateIndex("IX_Doses_ClinicId", "Doses", "ClinicId");
        migrationBuilder.CreateIndex("IX_Doses_RegimenId", "Doses", "RegimenId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Doses");
        migrationBuilder.DropTable("RegimenVersions");
        migrationBuilder.DropTable("Regimens");
    }
}
