using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>The TOTP second factor of staff accounts (issue 18 item 4): the secret, encrypted with data protection, the
/// newest time step used (no replay), and hashed one-time recovery codes.</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261201060000_TwoFactor")]
public sealed class M0018_TwoFactor : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "TwoFactorAuthenticators",
            columns: t => new
            {
                UserId = t.Column<Guid>(nullable: false),
                ProtectedSecret = t.Column<string>(maxLength: 1024, nullable: false),
                ConfirmedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
                LastUsedStep = t.Column<long>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_TwoFactorAuthenticators", x => x.UserId);
                t.ForeignKey("FK_TwoFactorAuthenticators_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "TwoFactorRecoveryCodes",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                UserId = t.Column<Guid>(nullable: false),
                CodeHash = t.Column<string>(maxLength: 200, nullable: false),
                UsedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_TwoFactorRecoveryCodes", x => x.Id);
                t.ForeignKey("FK_TwoFactorRecoveryCodes_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_TwoFactorRecoveryCodes_UserId", "TwoFactorRecoveryCodes", "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("TwoFactorRecoveryCodes");
        migrationBuilder.DropTable("TwoFactorAuthenticators");
    }
}
