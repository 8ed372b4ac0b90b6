namespace Speciosa.Web.Identity;

/// <summary>A person who signs in: staff of a clinic, or a patient using the portal.</summary>
public sealed class UserAccount
{
    public Guid Id { get; set; }
    public Guid ClinicId { get; set; }
    public required string UserName { get; set; }
    public required string NormalizedUserName { get; set; }
    public string? Email { get; set; }
    public string? NormalizedEmail { get; set; }
    public required string DisplayName { get; set; }
    public string? PasswordHash { get; set; }
    public required string SecurityStamp { get; set; }
    public required string ConcurrencyStamp { get; set; }
    public bool LockoutEnabled { get; set; } = true;
    public DateTimeOffset? LockoutEnd { get; set; }
    public int AccessFailedCount { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public List<UserRoleAssignment> Roles { get; set; } = [];
}

/// <summary>One role held by one user. Roles are a fixed set (<see cref="SpeciosaRoles"/>).</summary>
public sealed class UserRoleAssignment
{
    public Guid UserId { get; set; }
    public required string Role { get; set; }
}
