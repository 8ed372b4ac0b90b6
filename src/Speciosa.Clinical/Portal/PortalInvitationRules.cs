namespace Speciosa.Clinical.Portal;

/// <summary>Where an invitation stands.</summary>
public enum InvitationState
{
    /// <summary>Not used, revoked or expired: the link still works.</summary>
    Open,
    Used,
    Revoked,
    Expired,
}

/// <summary>A portal invitation's life (issue 14 item 1): one use, until revoked or until it expires. An invitation expires
/// at <c>expiresAt</c> itself (at that instant it no longer works). Lifetime in hours from configuration, 1 to 336
/// (two weeks), default 72.</summary>
public static class PortalInvitationRules
{
    public const double DefaultLifetimeHours = 72;
    public const double MinLifetimeHours = 1;
    public const double MaxLifetimeHours = 336;

    public static InvitationState StateOf(DateTimeOffset expiresAt, DateTimeOffset? acceptedAt, DateTimeOffset? revokedAt, DateTimeOffset now) =>
        acceptedAt is not null ? InvitationState.Used
        : revokedAt is not null ? InvitationState.Revoked
        : now >= expiresAt ? InvitationState.Expired
        : InvitationState.Open;

    /// <summary>The configured lifetime, or an error naming what is allowed.</summary>
    public static (TimeSpan Lifetime, string? Error) Lifetime(double? configuredHours)
    {
        var hours = configuredHours ?? DefaultLifetimeHours;
        return hours is >= MinLifetimeHours and <= MaxLifetimeHours && !double.IsNaN(hours)
            ? (TimeSpan.FromHours(hours), null)
            : (TimeSpan.FromHours(DefaultLifetimeHours), $"Portal:InvitationHours must be from {MinLifetimeHours} to {MaxLifetimeHours} hours; it is {hours}.");
    }
}
