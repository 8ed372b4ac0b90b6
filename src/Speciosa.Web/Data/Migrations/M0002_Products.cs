using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>Products, lots, supply chain, certificates of analysis and their results, lot state history,
/// product/lot photos and the clinic's quality settings. Ordered after the patients migration
/// (20261122020000) written in parallel; it touches none of its tables.</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261122030000_Products")]
public sealed class M0002_Products : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.Instant();

        migrationBuilder.CreateTable(
            name: "Products",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ClinicId = t.Column<Guid>(nullable: false),
                Name = t.Column<string>(maxLength: 200, nullable: false),
                Brand = t.Column<string>(maxLength: 200, nullable: false),
                Vendor = t.Column<string>(maxLength: 200, nullable: false),
                Form = t.Column<string>(maxLength: 16, nullable: false),
                StrainLabel = t.Column<string>(maxLength: 200, nullable: true),
                ServingGrams = t.Column<decimal>(precision: 9, scale: 3, nullable: false),
                MaximumDailyGrams = t.Column<decimal>(precision: 9, scale: 3, nullable: true),
                ClaimMitragynineMgPerServing = t.Column<decimal>(precision: 9, scale: 3, nullable: true),
                ClaimSevenHydroxyMgPerServing = t.Column<decimal>(precision: 9, scale: 3, nullable: true),
                GmpScheme = t.Column<string>(maxLength: 200, nullable: true),
                GmpCertifiedOn = t.Column<DateOnly>(nullable: true),
                CreatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                CreatedBy = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Products", x => x.Id);
                t.ForeignKey("FK_Products_Clinics_ClinicId", x => x.ClinicId, "Clinics", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Products_ClinicId", "Products", "ClinicId");

        migrationBuilder.CreateTable(
            name: "Lots",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ClinicId = t.Column<Guid>(nullable: false),
                ProductId = t.Column<Guid>(nullable: false),
                LotCode = t.Column<string>(maxLength: 64, nullable: false),
                State = t.Column<string>(maxLength: 16, nullable: false),
                StateChangedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                RecallReason = t.Column<string>(maxLength: 1000, nullable: true),
                CreatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                CreatedBy = t.Column<Guid>(nullable: false),
                ConcurrencyStamp = t.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Lots", x => x.Id);
                t.ForeignKey("FK_Lots_Clinics_ClinicId", x => x.ClinicId, "Clinics", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Lots_Products_ProductId", x => x.ProductId, "Products", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Lots_ClinicId_LotCode", "Lots", ["ClinicId", "LotCode"], unique: true);
        migrationBuilder.CreateIndex("IX_Lots_ProductId", "Lots", "ProductId");

        migrationBuilder.CreateTable(
            name: "SupplyChainSteps",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(migrationBuilder),
                LotId = t.Column<Guid>(nullable: false),
                Role = t.Column<string>(maxLength: 16, nullable: false),
                Name = t.Column<string>(maxLength: 200, nullable: true),
                Country = t.Column<string>(maxLength: 100, nullable: true),
                Region = t.Column<string>(maxLength: 200, nullable: true),
                Date = t.Column<DateOnly>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_SupplyChainSteps", x => x.Id);
                t.ForeignKey("FK_SupplyChainSteps_Lots_LotId", x => x.LotId, "Lots", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_SupplyChainSteps_LotId", "SupplyChainSteps", "LotId");

        migrationBuilder.CreateTable(
            name: "Certificates",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                LotId = t.Column<Guid>(nullable: false),
                LabName = t.Column<string>(maxLength: 200, nullable: false),
                LabAccreditation = t.Column<string>(maxLength: 200, nullable: true),
                Method = t.Column<string>(maxLength: 500, nullable: true),
                SampledOn = t.Column<DateOnly>(nullable: true),
                ReportedOn = t.Column<DateOnly>(nullable: false),
                SourceFileHash = t.Column<string>(maxLength: 64, nullable: true),
                RecordedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedBy = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Certificates", x => x.Id);
                t.ForeignKey("FK_Certificates_Lots_LotId", x => x.LotId, "Lots", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Certificates_LotId_LabName_ReportedOn", "Certificates", ["LotId", "LabName", "ReportedOn"], unique: true);

        migrationBuilder.CreateTable(
            name: "CertificateResults",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(migrationBuilder),
                CertificateId = t.Column<Guid>(nullable: false),
                Analyte = t.Column<string>(maxLength: 64, nullable: false),
                Value = t.Column<decimal>(precision: 18, scale: 6, nullable: true),
                Unit = t.Column<string>(maxLength: 32, nullable: false),
                Qualifier = t.Column<string>(maxLength: 16, nullable: false),
                Lod = t.Column<decimal>(precision: 18, scale: 6, nullable: true),
                Loq = t.Column<decimal>(precision: 18, scale: 6, nullable: true),
                Method = t.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_CertificateResults", x => x.Id);
                t.ForeignKey("FK_CertificateResults_Certificates_CertificateId", x => x.CertificateId, "Certificates", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_CertificateResults_CertificateId", "CertificateResults", "CertificateId");

        migrationBuilder.CreateTable(
            name: "LotStateChanges",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(migrationBuilder),
                LotId = t.Column<Guid>(nullable: false),
                FromState = t.Column<string>(maxLength: 16, nullable: true),
                ToState = t.Column<string>(maxLength: 16, nullable: false),
                Reason = t.Column<string>(maxLength: 1000, nullable: false),
                VerdictSummary = t.Column<string>(maxLength: 1000, nullable: false),
                ChangedBy = t.Column<Guid>(nullable: false),
                ChangedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_LotStateChanges", x => x.Id);
                t.ForeignKey("FK_LotStateChanges_Lots_LotId", x => x.LotId, "Lots", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_LotStateChanges_LotId", "LotStateChanges", "LotId");

        migrationBuilder.CreateTable(
            name: "ProductPhotos",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ClinicId = t.Column<Guid>(nullable: false),
                ProductId = t.Column<Guid>(nullable: false),
                LotId = t.Column<Guid>(nullable: true),
                Kind = t.Column<string>(maxLength: 16, nullable: false),
                ContentType = t.Column<string>(maxLength: 32, nullable: false),
                Width = t.Column<int>(nullable: false),
                Height = t.Column<int>(nullable: false),
                Length = t.Column<long>(nullable: false),
                Sha256 = t.Column<string>(maxLength: 64, nullable: false),
                Content = t.Column<byte[]>(nullable: false),
                UploadedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                UploadedBy = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ProductPhotos", x => x.Id);
                t.ForeignKey("FK_ProductPhotos_Products_ProductId", x => x.ProductId, "Products", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_ProductPhotos_Lots_LotId", x => x.LotId, "Lots", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ProductPhotos_ProductId", "ProductPhotos", "ProductId");
        migrationBuilder.CreateIndex("IX_ProductPhotos_LotId", "ProductPhotos", "LotId");

        migrationBuilder.CreateTable(
            name: "ClinicQualitySettings",
            columns: t => new
            {
                ClinicId = t.Column<Guid>(nullable: false),
                StandardIds = t.Column<string>(maxLength: 1000, nullable: false),
                LabelClaimTolerancePercent = t.Column<decimal>(precision: 5, scale: 2, nullable: false),
                MaximumDailyGrams = t.Column<decimal>(precision: 9, scale: 3, nullable: false),
                UpdatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                UpdatedBy = t.Column<Guid>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ClinicQualitySettings", x => x.ClinicId);
                t.ForeignKey("FK_ClinicQualitySettings_Clinics_ClinicId", x => x.ClinicId, "Clinics", "Id", onDelete: ReferentialAction.Restrict);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ClinicQualitySettings");
        migrationBuilder.DropTable("ProductPhotos");
        migrationBuilder.DropTable("LotStateChanges");
        migrationBuilder.DropTable("CertificateResults");
        migrationBuilder.DropTable("Certificates");
        migrationBuilder.DropTable("SupplyChainSteps");
        migrationBuilder.DropTable("Lots");
        migrationBuilder.DropTable("Products");
    }
}
