namespace Speciosa.Web.Identity;

/// <summary>The one-time link that lets the first administrator be created on an empty installation.</summary>
public sealed class SetupToken
{
    public Guid Id { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}
