using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>Care plans (issue 14 item 5): one plan per patient with its concurrency stamp, every version of it (who, when,
/// why, the activities as JSON; append-only), and what happened at each occurrence (done by the patient, attended or
/// missed). Reminders (item 6): the patient's preferences (quiet hours, opt-outs) and the outbox of reminders.</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261203020000_CarePlans")]
public sealed class M0025_CarePlans : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CarePlans",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ClinicId = t.Column<Guid>(nullable: false),
                PatientId = t.Column<Guid>(nullable: false),
                CurrentVersion = t.Column<int>(nullable: false),
                ConcurrencyStamp = t.Column<Guid>(nullable: false),
                CreatedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
                UpdatedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_CarePlans", x => x.Id);
                t.ForeignKey("FK_CarePlans_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_CarePlans_PatientId", "CarePlans", "PatientId", unique: true);

        migrationBuilder.CreateTable(
            name: "CarePlanVersions",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                CarePlanId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
                ChangedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
                ChangedBy = t.Column<Guid>(nullable: false),
                Reason = t.Column<string>(maxLength: 500, nullable: false),
                ActivitiesJson = t.Column<string>(maxLength: 40000, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_CarePlanVersions", x => x.Id);
                t.ForeignKey("FK_CarePlanVersions_CarePlans_CarePlanId", x => x.CarePlanId, "CarePlans", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_CarePlanVersions_CarePlanId_Version", "CarePlanVersions", ["CarePlanId", "Version"], unique: true);

        migrationBuilder.CreateTable(
            name: "CarePlanActivityRecords",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                CarePlanId = t.Column<Guid>(nullable: false),
                PatientId = t.Column<Guid>(nullable: false),
                ActivityId = t.Column<Guid>(nullable: false),
                Day = t.Column<DateOnly>(nullable: false),
                Time = t.Column<string>(maxLength: 5, nullable: false),
                Outcome = t.Column<string>(maxLength: 10, nullable: false),
                Rating = t.Column<int>(nullable: true),
                Note = t.Column<string>(maxLength: 500, nullable: true),
                Reason = t.Column<string>(maxLength: 500, nullable: true),
                PatientReported = t.Column<bool>(nullable: false),
                RecordedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
                RecordedBy = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_CarePlanActivityRecords", x => x.Id);
                t.ForeignKey("FK_CarePlanActivityRecords_CarePlans_CarePlanId", x => x.CarePlanId, "CarePlans", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_CarePlanActivityRecords_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_CarePlanActivityRecords_ActivityId_Day_Time", "CarePlanActivityRecords", ["ActivityId", "Day", "Time"], unique: true);
        migrationBuilder.CreateIndex("IX_CarePlanActivityRecords_PatientId_Day", "CarePlanActivityRecords", ["PatientId", "Day"]);
        migrationBuilder.CreateIndex("IX_CarePlanActivityRecords_CarePlanId", "CarePlanActivityRecords", "CarePlanId");

        migrationBuilder.CreateTable(
            name: "ReminderSettings",
            columns: t => new
            {
                PatientId = t.Column<Guid>(nullable: false),
                QuietFrom = t.Column<string>(maxLength: 5, nullable: true),
                QuietUntil = t.Column<string>(maxLength: 5, nullable: true),
                CheckIn = t.Column<bool>(nullable: false),
                Activities = t.Column<bool>(nullable: false),
                UpdatedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ReminderSettings", x => x.PatientId);
                t.ForeignKey("FK_ReminderSettings_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ReminderOutbox",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ClinicId = t.Column<Guid>(nullable: false),
                PatientId = t.Column<Guid>(nullable: false),
                Kind = t.Column<string>(maxLength: 20, nullable: false),
                Key = t.Column<string>(maxLength: 100, nullable: false),
                Transport = t.Column<string>(maxLength: 10, nullable: false),
                Status = t.Column<string>(maxLength: 10, nullable: false),
                Attempts = t.Column<int>(nullable: false),
                CreatedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
                NextAttemptAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: true),
                SentAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: true),
                LastError = t.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ReminderOutbox", x => x.Id);
                t.ForeignKey("FK_ReminderOutbox_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ReminderOutbox_PatientId_Key_Transport", "ReminderOutbox", ["PatientId", "Key", "Transport"], unique: true);
        migrationBuilder.CreateIndex("IX_ReminderOutbox_Status_NextAttemptAt", "ReminderOutbox", ["Status", "NextAttemptAt"]);
        migrationBuilder.CreateIndex("IX_ReminderOutbox_ClinicId_CreatedAt", "ReminderOutbox", ["ClinicId", "CreatedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ReminderOutbox");
        migrationBuilder.DropTable("ReminderSettings");
        migrationBuilder.DropTable("CarePlanActivityRecords");
        migrationBuilder.DropTable("CarePlanVersions");
        migrationBuilder.DropTable("CarePlans");
    }
}
