using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>Server-side sessions behind the session cookie (sign-out ends every copy; absolute lifetime), and failed
/// sign-ins counted per account and source address.</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261130015000_Sessions")]
public sealed class M0009_Sessions : Migration
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

        migrationBuilder.CreateTable(
            name: "SignInThrottles",
            columns: t => new
            {
                Key = t.Column<string>(maxLength: 200, nullable: false),
                UserId = t.Column<Guid>(nullable: false),
                Failures = t.Column<int>(nullable: false),
                LastFailureAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
                BlockedUntil = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_SignInThrottles", x => x.Key);
                t.ForeignKey("FK_SignInThrottles_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_SignInThrottles_UserId", "SignInThrottles", "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("SignInThrottles");
        migrationBuilder.DropTable("UserSessions");
    }
}
