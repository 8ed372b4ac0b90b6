namespace Speciosa.Web.Identity;

/// <summary>One cookie sign-in, held on the server so that signing out ends it for every copy of the cookie and
/// so that it has an absolute lifetime beside the cookie's idle timeout (issue 18 item 3; OWASP ASVS 5.0 V7).</summary>
public sealed class UserSession
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Why it ended: <see cref="UserSessions.SignedOut"/> or <see cref="UserSessions.Expired"/>.</summary>
    public string? EndReason { get; set; }
}
