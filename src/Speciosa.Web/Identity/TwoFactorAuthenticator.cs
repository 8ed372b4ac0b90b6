namespace Speciosa.Web.Identity;

/// <summary>An account's TOTP second factor (issue 18 item 4). The secret is stored encrypted with ASP.NET Core data
/// protection (purpose <see cref="TwoFactor.SecretPurpose"/>), whose key ring is itself encrypted with the key-ring key that
/// the database does not hold, so a database copy alone reveals no secret.</summary>
public sealed class TwoFactorAuthenticator
{
    public Guid UserId { get; set; }
    public required string ProtectedSecret { get; set; }
    public DateTimeOffset ConfirmedAt { get; set; }

    /// <summary>The newest time step accepted; a code of this step or an earlier one is refused (no replay).</summary>
    public long LastUsedStep { get; set; }
}

/// <summary>One recovery code, hashed (<see cref="RecoveryCodes.Hash"/>); used once.</summary>
public sealed class TwoFactorRecoveryCode
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string CodeHash { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}
