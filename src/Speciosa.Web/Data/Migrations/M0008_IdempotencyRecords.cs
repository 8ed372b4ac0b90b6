using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Speciosa.Web.Data.Migrations;

/// <summary>Answers kept for writes made under an Idempotency-Key (one per user and key).</summary>
[DbContext(typeof(SpeciosaDbContext))]
[Migration("20261130010000_IdempotencyRecords")]
public sealed class M0008_IdempotencyRecords : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "IdempotencyRecords",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                UserId = t.Column<Guid>(nullable: false),
                Key = t.Column<string>(maxLength: 100, nullable: false),
                RequestHash = t.Column<string>(maxLength: 64, nullable: false),
                StatusCode = t.Column<int>(nullable: false),
                ContentType = t.Column<string>(maxLength: 200, nullable: true),
                Location = t.Column<string>(maxLength: 500, nullable: true),
                Body = t.Column<byte[]>(nullable: false),
                CreatedAt = t.Column<DateTimeOffset>(type: migrationBuilder.Instant(), nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_IdempotencyRecords", x => x.Id));
        migrationBuilder.CreateIndex("IX_IdempotencyRecords_UserId_Key", "IdempotencyRecords", ["UserId", "Key"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("IdempotencyRecords");
}
