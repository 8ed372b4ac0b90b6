using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>Issue 13 parts 1, 2 and 9: overdose prevention (naloxone supplied and training, fentanyl test strips offered), the
/// discussion of medication for opioid use disorder (options, decision, reason, referral) and follow-up contacts after the taper.</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261201030000_Treatment")]
public sealed class M0015_Treatment : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "OverdosePreventionRecords",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                PatientId = t.Column<Guid>(nullable: false),
                Kind = t.Column<string>(maxLength: 40, nullable: false),
                OccurredOn = t.Column<DateOnly>(nullable: false),
                Accepted = t.Column<bool>(nullable: true),
                Note = t.Column<string>(maxLength: 500, nullable: true),
                RecordedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
                RecordedByUserId = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_OverdosePreventionRecords", x => x.Id);
                t.ForeignKey("FK_OverdosePreventionRecords_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_OverdosePreventionRecords_PatientId", "OverdosePreventionRecords", "PatientId");

        migrationBuilder.CreateTable(
            name: "TreatmentDiscussions",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                PatientId = t.Column<Guid>(nullable: false),
                Occasion = t.Column<string>(maxLength: 20, nullable: false),
                DiscussedOn = t.Column<DateOnly>(nullable: false),
                OptionsDiscussed = t.Column<string>(maxLength: 200, nullable: false),
                Decision = t.Column<string>(maxLength: 30, nullable: false),
                ChosenOption = t.Column<string>(maxLength: 30, nullable: true),
                Reason = t.Column<string>(maxLength: 1000, nullable: true),
                ReferredTo = t.Column<string>(maxLength: 200, nullable: true),
                ReferredOn = t.Column<DateOnly>(nullable: true),
                RecordedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
                RecordedByUserId = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_TreatmentDiscussions", x => x.Id);
                t.ForeignKey("FK_TreatmentDiscussions_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_TreatmentDiscussions_PatientId", "TreatmentDiscussions", "PatientId");

        migrationBuilder.CreateTable(
            name: "FollowUpContacts",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                PatientId = t.Column<Guid>(nullable: false),
                ContactOn = t.Column<DateOnly>(nullable: false),
                Made = t.Column<bool>(nullable: false),
                Mode = t.Column<string>(maxLength: 20, nullable: true),
                Note = t.Column<string>(maxLength: 500, nullable: true),
                RecordedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
                RecordedByUserId = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_FollowUpContacts", x => x.Id);
                t.ForeignKey("FK_FollowUpContacts_Patients_PatientId", x => x.PatientId, "Patients", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_FollowUpContacts_PatientId", "FollowUpContacts", "PatientId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("FollowUpContacts");
        migrationBuilder.DropTable("TreatmentDiscussions");
        migrationBuilder.DropTable("OverdosePreventionRecords");
    }
}
