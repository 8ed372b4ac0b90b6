using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>Issue 15 item 8, registry governance: a registry edit that refuses supply waits in JurisdictionProposals
/// until a second administrator approves it (or any administrator rejects it); the history row it then writes names the
/// proposal (JurisdictionChanges.ProposalId, indexed; no foreign key, so SQLite needs no table rebuild).</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261204010000_RegistryFourEyes")]
public sealed class M0029_RegistryFourEyes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.Instant();
        migrationBuilder.CreateTable(
            name: "JurisdictionProposals",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(migrationBuilder),
                EntryId = t.Column<string>(maxLength: 100, nullable: false),
                Kind = t.Column<string>(maxLength: 16, nullable: false),
                Before = t.Column<string>(nullable: true),
                After = t.Column<string>(nullable: false),
                EntryStamp = t.Column<string>(maxLength: 32, nullable: true),
                Reason = t.Column<string>(maxLength: 1000, nullable: false),
                RefusesSupply = t.Column<string>(maxLength: 2000, nullable: false),
                ProposedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                ProposedByUserId = t.Column<Guid>(nullable: false),
                ProposedBy = t.Column<string>(maxLength: 256, nullable: false),
                Status = t.Column<string>(maxLength: 16, nullable: false),
                DecidedAt = t.Column<DateTimeOffset>(type: instant, nullable: true),
                DecidedByUserId = t.Column<Guid>(nullable: true),
                DecidedBy = t.Column<string>(maxLength: 256, nullable: true),
                DecisionNote = t.Column<string>(maxLength: 1000, nullable: true),
                ConcurrencyStamp = t.Column<string>(maxLength: 32, nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_JurisdictionProposals", x => x.Id));
        migrationBuilder.CreateIndex("IX_JurisdictionProposals_Status_ProposedAt", "JurisdictionProposals", ["Status", "ProposedAt"]);
        migrationBuilder.CreateIndex("IX_JurisdictionProposals_EntryId", "JurisdictionProposals", "EntryId");

        migrationBuilder.AddColumn<long>("ProposalId", "JurisdictionChanges", nullable: true);
        migrationBuilder.CreateIndex("IX_JurisdictionChanges_ProposalId", "JurisdictionChanges", "ProposalId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_JurisdictionChanges_ProposalId", "JurisdictionChanges");
        migrationBuilder.DropColumn("ProposalId", "JurisdictionChanges");
        migrationBuilder.DropTable("JurisdictionProposals");
    }
}
