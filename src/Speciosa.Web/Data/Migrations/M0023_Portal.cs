using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>The patient portal (issue 14 item 1): one-time invitations that bind a new Patient account to a record (only the
/// token's SHA-256 is stored), each acceptance of a version of the portal consent, and the check-in in progress (item 3).</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261202040000_Portal")]
public sealed class M0023_Portal : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PortalInvitations",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ClinicId = t.Column<Guid>(nullable: false),
                PatientId = t.Column<Guid>(nullable: false),
                TokenHash = t.Column<string>(maxLength: 64, nullable: false),
                IssuedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
                IssuedBy = t.Column<Guid>(nullable: false),
                ExpiresAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
                AcceptedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: true),
                AcceptedUserId = t.Column<Guid>(nullable: true),
                RevokedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: true),
                RevokedBy = t.Column<Guid>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PortalInvitations", x => x.Id);
                t.ForeignKey("FK_PortalInvitations_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PortalInvitations_TokenHash", "PortalInvitations", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_PortalInvitations_PatientId", "PortalInvitations", "PatientId");

        migrationBuilder.CreateTable(
            name: "PortalConsents",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                PatientId = t.Column<Guid>(nullable: false),
                UserId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
                AcceptedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PortalConsents", x => x.Id);
                t.ForeignKey("FK_PortalConsents_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_PortalConsents_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PortalConsents_PatientId_AcceptedAt", "PortalConsents", ["PatientId", "AcceptedAt"]);
        migrationBuilder.CreateIndex("IX_PortalConsents_UserId", "PortalConsents", "UserId");

        migrationBuilder.CreateTable(
            name: "PortalCheckInDrafts",
            columns: t => new
            {
                PatientId = t.Column<Guid>(nullable: false),
                UserId = t.Column<Guid>(nullable: false),
                InstrumentId = t.Column<string>(maxLength: 64, nullable: false),
                AnswersJson = t.Column<string>(maxLength: 2000, nullable: false),
                UpdatedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PortalCheckInDrafts", x => x.PatientId);
                t.ForeignKey("FK_PortalCheckInDrafts_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("PortalCheckInDrafts");
        migrationBuilder.DropTable("PortalConsents");
        migrationBuilder.DropTable("PortalInvitations");
    }
}
