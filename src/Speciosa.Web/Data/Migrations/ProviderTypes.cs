using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Speciosa.Web.Data.Migrations;

/// <summary>Column types that differ by provider in hand-written migrations. Everything else is left to
/// the provider's default mapping for the CLR type, which is what the model uses too.</summary>
internal static class ProviderTypes
{
    private static bool IsSqlite(MigrationBuilder b) =>
        b.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>Instants: UTC ticks (INTEGER) on SQLite, timestamptz on PostgreSQL.</summary>
    public static string? Instant(this MigrationBuilder b) => IsSqlite(b) ? "INTEGER" : null;

    /// <summary>Auto-increment key annotation for each provider.</summary>
    public static OperationBuilder<AddColumnOperation> Identity(this OperationBuilder<AddColumnOperation> column, MigrationBuilder b) =>
        IsSqlite(b)
            ? column.Annotation("Sqlite:Autoincrement", true)
            : column.Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
