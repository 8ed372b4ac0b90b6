using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>Clinics, users and roles, access tokens, the first-admin setup link, the audit chain and
/// data-protection keys. Written by hand, provider-neutral (docs/decisions/0001).</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261122010000_Foundation")]
public sealed class M0001_Foundation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.Instant();

        migrationBuilder.CreateTable(
            name: "Clinics",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Name = t.Column<string>(maxLength: 200, nullable: false),
                TimeZone = t.Column<string>(maxLength: 64, nullable: false),
                IsDemo = t.Column<bool>(nullable: false),
                CreatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_Clinics", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Users",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ClinicId = t.Column<Guid>(nullable: false),
                UserName = t.Column<string>(maxLength: 256, nullable: false),
                NormalizedUserName = t.Column<string>(maxLength: 256, nullable: false),
                Email = t.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = t.Column<string>(maxLength: 256, nullable: true),
                DisplayName = t.Column<string>(maxLength: 200, nullable: false),
                PasswordHash = t.Column<string>(maxLength: 512, nullable: true),
                SecurityStamp = t.Column<string>(maxLength: 64, nullable: false),
                ConcurrencyStamp = t.Column<string>(maxLength: 64, nullable: false),
                LockoutEnabled = t.Column<bool>(nullable: false),
                LockoutEnd = t.Column<DateTimeOffset>(type: instant, nullable: true),
                AccessFailedCount = t.Column<int>(nullable: false),
                IsActive = t.Column<bool>(nullable: false),
                CreatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Users", x => x.Id);
                t.ForeignKey("FK_Users_Clinics_ClinicId", x => x.ClinicId, "Clinics", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Users_NormalizedUserName", "Users", "NormalizedUserName", unique: true);
        migrationBuilder.CreateIndex("IX_Users_NormalizedEmail", "Users", "NormalizedEmail");
        migrationBuilder.CreateIndex("IX_Users_ClinicId", "Users", "ClinicId");

        migrationBuilder.CreateTable(
            name: "UserRoles",
            columns: t => new
            {
                UserId = t.Column<Guid>(nullable: false),
                Role = t.Column<string>(maxLength: 32, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_UserRoles", x => new { x.UserId, x.Role });
                t.ForeignKey("FK_UserRoles_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AccessTokens",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                UserId = t.Column<Guid>(nullable: false),
                Name = t.Column<string>(maxLength: 100, nullable: false),
                Prefix = t.Column<string>(maxLength: 16, nullable: false),
                TokenHash = t.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                ExpiresAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                RevokedAt = t.Column<DateTimeOffset>(type: instant, nullable: true),
                LastUsedAt = t.Column<DateTimeOffset>(type: instant, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AccessTokens", x => x.Id);
                t.ForeignKey("FK_AccessTokens_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_AccessTokens_TokenHash", "AccessTokens", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_AccessTokens_UserId", "AccessTokens", "UserId");

        migrationBuilder.CreateTable(
            name: "SetupTokens",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                TokenHash = t.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                UsedAt = t.Column<DateTimeOffset>(type: instant, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_SetupTokens", x => x.Id));
        migrationBuilder.CreateIndex("IX_SetupTokens_TokenHash", "SetupTokens", "TokenHash", unique: true);

        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(migrationBuilder),
                Sequence = t.Column<long>(nullable: false),
                OccurredAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                UserId = t.Column<Guid>(nullable: true),
                ClinicId = t.Column<Guid>(nullable: true),
                Action = t.Column<string>(maxLength: 100, nullable: false),
                ResourceType = t.Column<string>(maxLength: 100, nullable: false),
                ResourceId = t.Column<string>(maxLength: 100, nullable: true),
                PatientId = t.Column<Guid>(nullable: true),
                Outcome = t.Column<string>(maxLength: 32, nullable: false),
                CorrelationId = t.Column<string>(maxLength: 100, nullable: false),
                PreviousHash = t.Column<string>(maxLength: 64, nullable: false),
                Hash = t.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_AuditEntries", x => x.Id));
        migrationBuilder.CreateIndex("IX_AuditEntries_Sequence", "AuditEntries", "Sequence", unique: true);
        migrationBuilder.CreateIndex("IX_AuditEntries_PatientId", "AuditEntries", "PatientId");
        migrationBuilder.CreateIndex("IX_AuditEntries_UserId", "AuditEntries", "UserId");

        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false).Identity(migrationBuilder),
                FriendlyName = t.Column<string>(maxLength: 200, nullable: false),
                Xml = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_DataProtectionKeys", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("DataProtectionKeys");
        migrationBuilder.DropTable("AuditEntries");
        migrationBuilder.DropTable("SetupTokens");
        migrationBuilder.DropTable("AccessTokens");
        migrationBuilder.DropTable("UserRoles");
        migrationBuilder.DropTable("Users");
        migrationBuilder.DropTable("Clinics");
    }
}
