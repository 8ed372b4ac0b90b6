namespace Speciosa.Web.Data;

/// <summary>Configuration section <c>Database</c>; every key can be set by environment variable
/// (<c>Database__Provider</c>, <c>Database__ConnectionString</c>, <c>Database__SqlitePath</c>).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default, embedded) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Required for PostgreSQL; for SQLite it overrides <see cref="SqlitePath"/> when set.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>PostgreSQL only, optional: where reads that may lag a moment go (exports, research extracts, dashboards).
    /// List the primary and its streaming standbys (<c>Host=db1:5432,db2:5432;Username=…;Database=…</c>): each such read
    /// opens on a standby when one is up and on the primary otherwise (Npgsql multi-host, prefer-standby). Empty: those
    /// reads use <see cref="ConnectionString"/>. See <see cref="ReportingReads"/>.</summary>
    public string? ReadConnectionString { get; set; }

    /// <summary>SQLite file, relative to the working directory. The folder is created on first run.</summary>
    public string SqlitePath { get; set; } = Path.Combine("data", "speciosa.db");

    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    /// <summary>A file kept beside the SQLite file, named after it: <c>data/speciosa.keyring.key</c> for
    /// <paramref name="suffix"/> ".keyring.key" (the demo's key-ring key, the default audit checkpoint file).</summary>
    public static string BesideSqlite(IConfiguration configuration, string suffix)
    {
        var database = new DatabaseOptions();
        configuration.GetSection(Section).Bind(database);
        var dbPath = Path.GetFullPath(database.SqlitePath);
        return Path.Combine(Path.GetDirectoryName(dbPath)!, Path.GetFileNameWithoutExtension(dbPath) + suffix);
    }

    public bool IsSqlite => string.Equals(Provider, "Sqlite", StringComparison.OrdinalIgnoreCase);
}
