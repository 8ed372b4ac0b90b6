using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>Appointments (issue 14 item 2): staff book a patient's appointment (when, how long, kind, with whom, how and where,
/// notes), cancel it with a reason (kept), under a concurrency stamp; and the patient's choice of appointment reminders.</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261204030000_Appointments")]
public sealed class M0031_Appointments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.Instant();
        migrationBuilder.CreateTable(
            name: "Appointments",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ClinicId = t.Column<Guid>(nullable: false),
                PatientId = t.Column<Guid>(nullable: false),
                StartsAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                DurationMinutes = t.Column<int>(nullable: false),
                Kind = t.Column<string>(maxLength: 30, nullable: false),
                WithWhom = t.Column<string>(maxLength: 100, nullable: false),
                Mode = t.Column<string>(maxLength: 20, nullable: false),
                Location = t.Column<string>(maxLength: 200, nullable: true),
                Notes = t.Column<string>(maxLength: 1000, nullable: true),
                BookedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                BookedBy = t.Column<Guid>(nullable: false),
                CancelledAt = t.Column<DateTimeOffset>(type: instant, nullable: true),
                CancelledBy = t.Column<Guid>(nullable: true),
                CancelReason = t.Column<string>(maxLength: 500, nullable: true),
                ConcurrencyStamp = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Appointments", x => x.Id);
                t.ForeignKey("FK_Appointments_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Appointments_PatientId_StartsAt", "Appointments", ["PatientId", "StartsAt"]);
        migrationBuilder.CreateIndex("IX_Appointments_ClinicId_StartsAt", "Appointments", ["ClinicId", "StartsAt"]);

        migrationBuilder.AddColumn<bool>("Appointments", "ReminderSettings", nullable: false, defaultValue: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("Appointments", "ReminderSettings");
        migrationBuilder.DropTable("Appointments");
    }
}
