using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>Patients and their care teams, opioid use history, withdrawal episodes, instrument assessments and
/// the persisted Alerts table (one open alert per rule and condition key).</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261123010000_PatientsAndWithdrawal")]
public sealed class M0004_PatientsAndWithdrawal : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.Instant();

        migrationBuilder.CreateTable(
            name: "Patients",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ClinicId = t.Column<Guid>(nullable: false),
                PortalUserId = t.Column<Guid>(nullable: true),
                GivenName = t.Column<string>(maxLength: 100, nullable: false),
                FamilyName = t.Column<string>(maxLength: 100, nullable: false),
                SearchName = t.Column<string>(maxLength: 201, nullable: false),
                DateOfBirth = t.Column<DateOnly>(nullable: false),
                Sex = t.Column<string>(maxLength: 16, nullable: false),
                Phone = t.Column<string>(maxLength: 40, nullable: true),
                Email = t.Column<string>(maxLength: 256, nullable: true),
                CountryCode = t.Column<string>(maxLength: 2, nullable: false),
                SubdivisionCode = t.Column<string>(maxLength: 6, nullable: true),
                Pregnant = t.Column<bool>(nullable: false),
                Breastfeeding = t.Column<bool>(nullable: false),
                PlanningConception = t.Column<bool>(nullable: false),
                Status = t.Column<string>(maxLength: 16, nullable: false),
                CreatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                UpdatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                ConcurrencyStamp = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Patients", x => x.Id);
                t.ForeignKey("FK_Patients_Clinics_ClinicId", x => x.ClinicId, "Clinics", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Patients_Users_PortalUserId", x => x.PortalUserId, "Users", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Patients_ClinicId_SearchName", "Patients", ["ClinicId", "SearchName"]);
        migrationBuilder.CreateIndex("IX_Patients_PortalUserId", "Patients", "PortalUserId");

        migrationBuilder.CreateTable(
            name: "PatientCareTeam",
            columns: t => new
            {
                PatientId = t.Column<Guid>(nullable: false),
                UserId = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PatientCareTeam", x => new { x.PatientId, x.UserId });
                t.ForeignKey("FK_PatientCareTeam_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_PatientCareTeam_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PatientCareTeam_UserId", "PatientCareTeam", "UserId");

        migrationBuilder.CreateTable(
            name: "OpioidUses",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                PatientId = t.Column<Guid>(nullable: false),
                SubstanceId = t.Column<string>(maxLength: 64, nullable: false),
                AmountPerDay = t.Column<decimal>(precision: 12, scale: 3, nullable: false),
                Unit = t.Column<string>(maxLength: 16, nullable: false),
                Release = t.Column<string>(maxLength: 16, nullable: false),
                Route = t.Column<string>(maxLength: 32, nullable: false),
                DurationDays = t.Column<int>(nullable: true),
                LastUseAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedByUserId = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_OpioidUses", x => x.Id);
                t.ForeignKey("FK_OpioidUses_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_OpioidUses_PatientId", "OpioidUses", "PatientId");

        migrationBuilder.CreateTable(
            name: "WithdrawalEpisodes",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                PatientId = t.Column<Guid>(nullable: false),
                OpioidUseId = t.Column<Guid>(nullable: false),
                StartedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                CourseClassId = t.Column<string>(maxLength: 64, nullable: true),
                CourseVersion = t.Column<int>(nullable: false),
                CreatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                CreatedByUserId = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_WithdrawalEpisodes", x => x.Id);
                t.ForeignKey("FK_WithdrawalEpisodes_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_WithdrawalEpisodes_OpioidUses_OpioidUseId", x => x.OpioidUseId, "OpioidUses", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_WithdrawalEpisodes_PatientId", "WithdrawalEpisodes", "PatientId");
        migrationBuilder.CreateIndex("IX_WithdrawalEpisodes_OpioidUseId", "WithdrawalEpisodes", "OpioidUseId");

        migrationBuilder.CreateTable(
            name: "Assessments",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                PatientId = t.Column<Guid>(nullable: false),
                EpisodeId = t.Column<Guid>(nullable: true),
                InstrumentId = t.Column<string>(maxLength: 64, nullable: false),
                InstrumentVersion = t.Column<int>(nullable: false),
                AnswersJson = t.Column<string>(maxLength: 4000, nullable: false),
                PulseBpm = t.Column<int>(nullable: true),
                Total = t.Column<int>(nullable: false),
                Band = t.Column<string>(maxLength: 64, nullable: true),
                AssessedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                RatedByUserId = t.Column<Guid>(nullable: false),
                PatientReported = t.Column<bool>(nullable: false),
                ReviewedByUserId = t.Column<Guid>(nullable: true),
                ReviewedAt = t.Column<DateTimeOffset>(type: instant, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Assessments", x => x.Id);
                t.ForeignKey("FK_Assessments_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Assessments_WithdrawalEpisodes_EpisodeId", x => x.EpisodeId, "WithdrawalEpisodes", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Assessments_PatientId_AssessedAt", "Assessments", ["PatientId", "AssessedAt"]);
        migrationBuilder.CreateIndex("IX_Assessments_EpisodeId", "Assessments", "EpisodeId");

        migrationBuilder.CreateTable(
            name: "Alerts",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ClinicId = t.Column<Guid>(nullable: false),
                PatientId = t.Column<Guid>(nullable: false),
                RuleId = t.Column<string>(maxLength: 100, nullable: false),
                RuleVersion = t.Column<int>(nullable: false),
                Severity = t.Column<string>(maxLength: 16, nullable: false),
                ConditionKey = t.Column<string>(maxLength: 200, nullable: false),
                Message = t.Column<string>(maxLength: 1000, nullable: false),
                InputsJson = t.Column<string>(maxLength: 8000, nullable: false),
                Threshold = t.Column<string>(maxLength: 500, nullable: false),
                SourceCitation = t.Column<string>(maxLength: 2000, nullable: false),
                SourceUrl = t.Column<string>(maxLength: 500, nullable: true),
                Status = t.Column<string>(maxLength: 16, nullable: false),
                RaisedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Alerts", x => x.Id);
                t.ForeignKey("FK_Alerts_Clinics_ClinicId", x => x.ClinicId, "Clinics", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_Alerts_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Alerts_RuleId_ConditionKey", "Alerts", ["RuleId", "ConditionKey"], unique: true, filter: "\"Status\" = 'open'");
        migrationBuilder.CreateIndex("IX_Alerts_PatientId_Status", "Alerts", ["PatientId", "Status"]);
        migrationBuilder.CreateIndex("IX_Alerts_ClinicId_Status", "Alerts", ["ClinicId", "Status"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Alerts");
        migrationBuilder.DropTable("Assessments");
        migrationBuilder.DropTable("WithdrawalEpisodes");
        migrationBuilder.DropTable("OpioidUses");
        migrationBuilder.DropTable("PatientCareTeam");
        migrationBuilder.DropTable("Patients");
    }
}
