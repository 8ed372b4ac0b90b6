using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>The patient's kratom history for RUCAM latency (first kratom use, entered by staff; audit E8), and alert
/// messages up to 4000 characters (the pregnancy alerts now carry the standard of care with their sources; audit E3).</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261130030000_LiverSafety")]
public sealed class M0011_LiverSafety : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "KratomHistories",
            columns: t => new
            {
                PatientId = t.Column<Guid>(nullable: false),
                FirstUseOn = t.Column<DateOnly>(nullable: false),
                Basis = t.Column<string>(maxLength: 500, nullable: false),
                EnteredByUserId = t.Column<Guid>(nullable: false),
                EnteredAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
                ConcurrencyStamp = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_KratomHistories", x => x.PatientId);
                t.ForeignKey("FK_KratomHistories_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
            });

        // SQLite keeps TEXT whatever the length; only PostgreSQL's varchar(1000) needs widening.
        if (migrationBuilder.ActiveProvider != "Microsoft.EntityFrameworkCore.Sqlite")
        {
            migrationBuilder.Sql("ALTER TABLE \"Alerts\" ALTER COLUMN \"Message\" TYPE character varying(4000);");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("KratomHistories");
        if (migrationBuilder.ActiveProvider != "Microsoft.EntityFrameworkCore.Sqlite")
        {
            migrationBuilder.Sql("ALTER TABLE \"Alerts\" ALTER COLUMN \"Message\" TYPE character varying(1000);");
        }
    }
}
