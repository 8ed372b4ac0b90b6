using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>Server-side sessions behind the session cookie (sign-out ends every copy; absolute lifetime).</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261130015000_UserSessions")]
public sealed class M0009_UserSessions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "UserSessions",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                UserId = t.Column<Guid>(nullable: false),
                StartedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
                EndedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: true),
                EndReason = t.Column<string>(maxLength: 20, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_UserSessions", x => x.Id);
                t.ForeignKey("FK_UserSessions_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_UserSessions_UserId", "UserSessions", "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("UserSessions");
}
