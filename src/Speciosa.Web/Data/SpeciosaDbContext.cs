using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Alerts;
using Speciosa.Web.Audit;
using Speciosa.Web.Clinics;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Data;

public class SpeciosaDbContext(DbContextOptions options, IHttpContextAccessor? http) : DbContext(options)
{
    /// <summary>A context outside any request (migrations, tools, tests).</summary>
    public SpeciosaDbContext(DbContextOptions options)
        : this(options, null)
    {
    }

    /// <summary>Saves, and on an audited request's first data write commits the request's audit entry in the
    /// same transaction (<see cref="AuditedWrites"/>).</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var request = http?.HttpContext;
        var scope = request?.Features.Get<AuditScope>();
        if (scope?.Build is null)
        {
            return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var clock = request!.RequestServices.GetRequiredService<TimeProvider>();
        return AuditedWrites.SaveAsync(this, scope, clock, ct => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), cancellationToken);
    }

    public DbSet<Clinic> Clinics => Set<Clinic>();
    public DbSet<UserAccount> Users => Set<UserAccount>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<SignInThrottleEntry> SignInThrottles => Set<SignInThrottleEntry>();
    public DbSet<TwoFactorAuthenticator> TwoFactorAuthenticators => Set<TwoFactorAuthenticator>();
    public DbSet<TwoFactorRecoveryCode> TwoFactorRecoveryCodes => Set<TwoFactorRecoveryCode>();
    public DbSet<UserRoleAssignment> UserRoles => Set<UserRoleAssignment>();
    public DbSet<PersonalAccessToken> AccessTokens => Set<PersonalAccessToken>();
    public DbSet<SetupToken> SetupTokens => Set<SetupToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Lease> Leases => Set<Lease>();
    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<CareTeamMember> CareTeamMembers => Set<CareTeamMember>();
    public DbSet<RaisedAlert> Alerts => Set<RaisedAlert>();

    /// <summary>Every feature's <see cref="IModelPart"/>, in a fixed order so the model is the same on every start.</summary>
    private static readonly IModelPart[] ModelParts = typeof(SpeciosaDbContext).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IModelPart).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (IModelPart)Activator.CreateInstance(t)!)
        .ToArray();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset text; store UTC ticks there (see docs/decisions).
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Clinic>(e =>
        {
            e.ToTable("Clinics");
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.TimeZone).HasMaxLength(64);
        });

        modelBuilder.Entity<UserAccount>(e =>
        {
            e.ToTable("Users");
            e.Property(u => u.UserName).HasMaxLength(256);
            e.Property(u => u.NormalizedUserName).HasMaxLength(256);
            e.Property(u => u.Email).HasMaxLength(256);
            e.Property(u => u.NormalizedEmail).HasMaxLength(256);
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.PasswordHash).HasMaxLength(512);
            e.Property(u => u.SecurityStamp).HasMaxLength(64);
            e.Property(u => u.ConcurrencyStamp).HasMaxLength(64).IsConcurrencyToken();
            e.HasIndex(u => u.NormalizedUserName).IsUnique();
            e.HasIndex(u => u.NormalizedEmail);
            e.HasIndex(u => u.ClinicId);
            e.HasOne<Clinic>().WithMany().HasForeignKey(u => u.ClinicId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(u => u.Roles).WithOne().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SignInThrottleEntry>(e =>
        {
            e.ToTable("SignInThrottles");
            e.HasKey(t => t.Key);
            e.Property(t => t.Key).HasMaxLength(200);
            e.HasIndex(t => t.UserId);
            e.HasOne<UserAccount>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<TwoFactorAuthenticator>(e =>
        {
            e.ToTable("TwoFactorAuthenticators");
            e.HasKey(a => a.UserId);
            e.Property(a => a.ProtectedSecret).HasMaxLength(1024);
            e.HasOne<UserAccount>().WithOne().HasForeignKey<TwoFactorAuthenticator>(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<TwoFactorRecoveryCode>(e =>
        {
            e.ToTable("TwoFactorRecoveryCodes");
            e.Property(c => c.CodeHash).HasMaxLength(200);
            e.HasIndex(c => c.UserId);
            e.HasOne<UserAccount>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<UserSession>(e =>
        {
            e.ToTable("UserSessions");
            e.Property(s => s.EndReason).HasMaxLength(20);
            e.HasIndex(s => s.UserId);
            e.HasOne<UserAccount>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<UserRoleAssignment>(e =>
        {
            e.ToTable("UserRoles");
            e.HasKey(r => new { r.UserId, r.Role });
            e.Property(r => r.Role).HasMaxLength(32);
        });

        modelBuilder.Entity<PersonalAccessToken>(e =>
        {
            e.ToTable("AccessTokens");
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.Prefix).HasMaxLength(16);
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasIndex(t => t.UserId);
            e.HasOne<UserAccount>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SetupToken>(e =>
        {
            e.ToTable("SetupTokens");
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.HasIndex(t => t.TokenHash).IsUnique();
        });

        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("AuditEntries");
            e.Property(a => a.Action).HasMaxLength(100);
            e.Property(a => a.ResourceType).HasMaxLength(100);
            e.Property(a => a.ResourceId).HasMaxLength(100);
            e.Property(a => a.Outcome).HasMaxLength(32);
            e.Property(a => a.CorrelationId).HasMaxLength(100);
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
            e.Property(a => a.PatientIdsShown);
            e.HasIndex(a => a.Sequence).IsUnique();
            // The audit viewer (M0027): each filter read newest first by sequence from an index.
            e.HasIndex(a => new { a.PatientId, a.Sequence });
            e.HasIndex(a => new { a.UserId, a.Sequence });
            e.HasIndex(a => new { a.ClinicId, a.Sequence });
            e.HasIndex(a => new { a.ClinicId, a.Action, a.Sequence });
        });

        modelBuilder.Entity<DataProtectionKey>(e =>
        {
            e.ToTable("DataProtectionKeys");
            e.Property(k => k.FriendlyName).HasMaxLength(200);
        });

        Http.IdempotencyRecord.Configure(modelBuilder);
        JobLeases.Configure(modelBuilder);
        Http.SignInAttemptWindow.Configure(modelBuilder);
        foreach (var part in ModelParts)
        {
            part.Configure(modelBuilder);
        }
    }
}
