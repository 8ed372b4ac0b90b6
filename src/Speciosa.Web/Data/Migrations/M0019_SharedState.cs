using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>State that several app instances on one database must share (issue 18 item 9): the claim of a periodic
/// job's current period (the safety sweep runs once a period, not once per instance), and sign-in attempts per
/// client address and minute (the address limit holds across instances).</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261201070000_SharedState")]
public sealed class M0019_SharedState : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Leases",
            columns: t => new
            {
                Name = t.Column<string>(maxLength: 100, nullable: false),
                Holder = t.Column<string>(maxLength: 100, nullable: false),
                Until = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_Leases", x => x.Name));

        migrationBuilder.CreateTable(
            name: "SignInAttempts",
            columns: t => new
            {
                Address = t.Column<string>(maxLength: 64, nullable: false),
                Minute = t.Column<long>(nullable: false),
                Attempts = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_SignInAttempts", x => new { x.Address, x.Minute }));
        migrationBuilder.CreateIndex("IX_SignInAttempts_Minute", "SignInAttempts", "Minute");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("SignInAttempts");
        migrationBuilder.DropTable("Leases");
    }
}
