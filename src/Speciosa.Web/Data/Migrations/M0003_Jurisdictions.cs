using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>The legal-status registry (shared by all clinics) and its append-only change history.</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261122040000_Jurisdictions")]
public sealed class M0003_Jurisdictions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.Instant();

        migrationBuilder.CreateTable(
            name: "Jurisdictions",
            columns: t => new
            {
                Id = t.Column<string>(maxLength: 100, nullable: false),
                Country = t.Column<string>(maxLength: 2, nullable: false),
                Subdivision = t.Column<string>(maxLength: 6, nullable: true),
                Locality = t.Column<string>(maxLength: 200, nullable: true),
                Status = t.Column<string>(maxLength: 32, nullable: false),
                StatusText = t.Column<string>(maxLength: 500, nullable: false),
                Effective = t.Column<string>(maxLength: 16, nullable: false),
                EndsOn = t.Column<DateOnly>(nullable: true),
                MinimumAge = t.Column<int>(nullable: true),
                SevenOhPercent = t.Column<decimal>(precision: 6, scale: 3, nullable: true),
                SevenOhBasis = t.Column<string>(maxLength: 32, nullable: true),
                SevenOhInclusive = t.Column<bool>(nullable: true),
                Conditions = t.Column<string>(maxLength: 1000, nullable: false),
                ConditionsText = t.Column<string>(maxLength: 2000, nullable: true),
                Sources = t.Column<string>(nullable: false),
                LastVerified = t.Column<DateOnly>(nullable: false),
                Verified = t.Column<bool>(nullable: false),
                Note = t.Column<string>(maxLength: 2000, nullable: true),
                UpdatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                ConcurrencyStamp = t.Column<string>(maxLength: 32, nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_Jurisdictions", x => x.Id));
        migrationBuilder.CreateIndex("IX_Jurisdictions_Country_Subdivision", "Jurisdictions", ["Country", "Subdivision"]);

        migrationBuilder.CreateTable(
            name: "JurisdictionChanges",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(migrationBuilder),
                EntryId = t.Column<string>(maxLength: 100, nullable: false),
                Kind = t.Column<string>(maxLength: 16, nullable: false),
                ChangedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                ChangedByUserId = t.Column<Guid>(nullable: true),
                ChangedBy = t.Column<string>(maxLength: 256, nullable: true),
                Reason = t.Column<string>(maxLength: 1000, nullable: false),
                Before = t.Column<string>(nullable: true),
                After = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_JurisdictionChanges", x => x.Id);
                t.ForeignKey("FK_JurisdictionChanges_Jurisdictions_EntryId", x => x.EntryId, "Jurisdictions", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_JurisdictionChanges_EntryId", "JurisdictionChanges", "EntryId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("JurisdictionChanges");
        migrationBuilder.DropTable("Jurisdictions");
    }
}
