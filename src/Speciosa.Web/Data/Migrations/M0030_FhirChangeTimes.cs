using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>FHIR Bulk Data <c>_since</c> by the time a record last changed (issue 16): a liver result marked entered in
/// error keeps when that happened, so an export since then carries the corrected result (docs/fhir.md). Every other
/// record the FHIR server maps already keeps its change times.</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261204020000_FhirChangeTimes")]
public sealed class M0030_FhirChangeTimes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<DateTimeOffset>("EnteredInErrorAt", "LabResults", type: migrationBuilder.Instant(), nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn("EnteredInErrorAt", "LabResults");
}
