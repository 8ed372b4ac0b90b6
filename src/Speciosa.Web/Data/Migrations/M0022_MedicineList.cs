using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>Issue 15 item 5, the medicine list: unit, route and start day of a medicine; a stop with its day, reason and
/// who; entered in error with when and who; a concurrency stamp (rows from before get the empty stamp, which a client
/// reads and sends back like any other).</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261202030000_MedicineList")]
public sealed class M0022_MedicineList : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.Instant();
        migrationBuilder.AddColumn<string>("Unit", "PatientMedicines", maxLength: 20, nullable: true);
        migrationBuilder.AddColumn<string>("Route", "PatientMedicines", maxLength: 30, nullable: true);
        migrationBuilder.AddColumn<DateOnly>("StartedOn", "PatientMedicines", nullable: true);
        migrationBuilder.AddColumn<DateOnly>("StoppedOn", "PatientMedicines", nullable: true);
        migrationBuilder.AddColumn<string>("StopReason", "PatientMedicines", maxLength: 500, nullable: true);
        migrationBuilder.AddColumn<Guid>("StoppedByUserId", "PatientMedicines", nullable: true);
        migrationBuilder.AddColumn<DateTimeOffset>("EnteredInErrorAt", "PatientMedicines", type: instant, nullable: true);
        migrationBuilder.AddColumn<Guid>("EnteredInErrorByUserId", "PatientMedicines", nullable: true);
        migrationBuilder.AddColumn<Guid>("ConcurrencyStamp", "PatientMedicines", nullable: false, defaultValue: Guid.Empty);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var column in new[] { "ConcurrencyStamp", "EnteredInErrorByUserId", "EnteredInErrorAt", "StoppedByUserId", "StopReason",
            "StoppedOn", "StartedOn", "Route", "Unit" })
        {
            migrationBuilder.DropColumn(column, "PatientMedicines");
        }
    }
}
