using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>Issue 15 item 2, the round: a dose record has a status — given, held, refused or missed — and every status but
/// given carries its reason; a dose may carry the nurse's note. Doses recorded before are "Given".</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261203030000_DoseStatus")]
public sealed class M0026_DoseStatus : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("Status", "Doses", maxLength: 16, nullable: false, defaultValue: "Given");
        migrationBuilder.AddColumn<string>("StatusReason", "Doses", maxLength: 500, nullable: true);
        migrationBuilder.AddColumn<string>("Note", "Doses", maxLength: 1000, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var column in new[] { "Note", "StatusReason", "Status" })
        {
            migrationBuilder.DropColumn(column, "Doses");
        }
    }
}
