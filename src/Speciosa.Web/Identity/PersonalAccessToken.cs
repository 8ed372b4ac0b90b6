namespace Speciosa.Web.Identity;

/// <summary>A bearer token for scripts and integrations. Only its SHA-256 hash is stored; the secret
/// is shown once at creation.</summary>
public sealed class PersonalAccessToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    /// <summary>First characters of the token, shown in lists so a user can tell tokens apart.</summary>
    public required string Prefix { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}
