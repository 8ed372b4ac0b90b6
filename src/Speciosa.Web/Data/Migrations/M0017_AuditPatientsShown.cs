using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>A list request's audit row names every patient it showed (issue 18 item 7: the patient list, the alert
/// worklist and a lot's exposures were audited without saying whose data they disclosed).</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261201050000_AuditPatientsShown")]
public sealed class M0017_AuditPatientsShown : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "PatientIdsShown", table: "AuditEntries", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "PatientIdsShown", table: "AuditEntries");
}
