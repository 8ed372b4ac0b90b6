using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Audit;
using Speciosa.Web.Data;

namespace Speciosa.Web.Identity;

/// <summary>An enrolment in progress: the new secret, shown as a QR code and as text, and the sealed form of it the page
/// posts back with the confirming code. Nothing is stored until the code confirms it.</summary>
public sealed record PendingEnrolment(string SecretText, string OtpAuthUri, string Sealed);

/// <summary>How a second-factor check ended.</summary>
public enum SecondFactorResult
{
    Accepted,
    AcceptedRecoveryCode,
    Wrong,
    Replayed,
    NotEnrolled,
}

/// <summary>
/// The TOTP second factor of staff accounts (issue 18 item 4): enrolment (a secret confirmed with a code before it takes
/// effect, then ten recovery codes shown once), the check at sign-in (one step of drift either way, a used step refused,
/// a recovery code used once), turning it off (current code required) and an Admin's reset. Which roles must have it is
/// <c>Security:RequireTwoFactorForRoles</c> (a list, or one comma-separated value; in a demo without the setting: Admin).
/// Codes, secrets and recovery codes never reach a log or an audit row.
/// </summary>
public sealed class TwoFactor(SpeciosaDbContext db, IDataProtectionProvider protection, TimeProvider clock, AuditTrail audit, IConfiguration configuration)
{
    public const string SecretPurpose = "Speciosa.Identity.TotpSecret.v1";
    private const string EnrolmentPurpose = "Speciosa.Identity.TotpEnrolment.v1";
    public const string Issuer = "Speciosa";
    private static readonly TimeSpan EnrolmentLifetime = TimeSpan.FromMinutes(15);

    public IReadOnlyList<string> RequiredRoles { get; } = RequiredRolesOf(configuration);

    public static IReadOnlyList<string> RequiredRolesOf(IConfiguration configuration)
    {
        var section = configuration.GetSection("Security:RequireTwoFactorForRoles");
        if (!section.Exists())
        {
            return configuration.GetValue("Demo:Enabled", false) ? [SpeciosaRoles.Admin] : [];
        }

        var values = section.Value is { } single
            ? single.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value ?? "").ToArray();
        return values.Select(v => SpeciosaRoles.Canonical(v.Trim())
                ?? throw new InvalidOperationException($"Security:RequireTwoFactorForRoles names '{v}', which is not a role ({string.Join(", ", SpeciosaRoles.All)})."))
            .Distinct().ToList();
    }

    public bool IsRequiredFor(IEnumerable<string> roles) => roles.Any(r => RequiredRoles.Contains(r, StringComparer.Ordinal));

    public bool IsRequiredFor(ClaimsPrincipal user) => RequiredRoles.Any(user.IsInRole);

    public Task<bool> IsEnabledAsync(Guid userId, CancellationToken ct = default) =>
        db.TwoFactorAuthenticators.AnyAsync(a => a.UserId == userId, ct);

    public Task<DateTimeOffset?> EnabledSinceAsync(Guid userId) =>
        db.TwoFactorAuthenticators.Where(a => a.UserId == userId).Select(a => (DateTimeOffset?)a.ConfirmedAt).FirstOrDefaultAsync();

    public Task<int> RecoveryCodesLeftAsync(Guid userId) =>
        db.TwoFactorRecoveryCodes.CountAsync(c => c.UserId == userId && c.UsedAt == null);

    /// <summary>Whether a signed-in person must set up a second factor before anything else.</summary>
    public async Task<bool> MustEnrolAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        IsRequiredFor(user) && user.UserId() is { } id && !await IsEnabledAsync(id, ct);

    /// <summary>The same, by user name, right after a password sign-in (the principal is not built yet).</summary>
    public async Task<bool> MustEnrolAsync(string? userName)
    {
        if (RequiredRoles.Count == 0 || string.IsNullOrWhiteSpace(userName)) return false;
        var normalized = userName.Trim().ToUpperInvariant();
        var user = await db.Users.AsNoTracking().Include(u => u.Roles).FirstOrDefaultAsync(u => u.NormalizedUserName == normalized);
        return user is not null && IsRequiredFor(user.Roles.Select(r => r.Role)) && !await IsEnabledAsync(user.Id);
    }

    /// <summary>A new secret for <paramref name="userId"/>; <paramref name="replacing"/> when it will replace a working
    /// one (issued only after the current code was given).</summary>
    public PendingEnrolment Begin(Guid userId, string account, bool replacing)
    {
        var secret = TotpCodes.NewSecret();
        var payload = JsonSerializer.Serialize(new EnrolmentSeal(userId, TotpCodes.ToBase32(secret), replacing));
        var sealedValue = protection.CreateProtector(EnrolmentPurpose).ToTimeLimitedDataProtector().Protect(payload, EnrolmentLifetime);
        return new PendingEnrolment(TotpCodes.Grouped(TotpCodes.ToBase32(secret)), TotpCodes.OtpAuthUri(Issuer, account, secret), sealedValue);
    }

    /// <summary>The enrolment a page posted back (same secret), or null when it is not this user's, expired or forged.</summary>
    public PendingEnrolment? Reopen(Guid userId, string account, string? sealedValue, out bool replacing)
    {
        replacing = false;
        if (string.IsNullOrEmpty(sealedValue)) return null;
        try
        {
            var seal = JsonSerializer.Deserialize<EnrolmentSeal>(protection.CreateProtector(EnrolmentPurpose).ToTimeLimitedDataProtector().Unprotect(sealedValue));
            if (seal is null || seal.UserId != userId) return null;
            replacing = seal.Replacing;
            var secret = TotpCodes.FromBase32(seal.Secret);
            return new PendingEnrolment(TotpCodes.Grouped(seal.Secret), TotpCodes.OtpAuthUri(Issuer, account, secret), sealedValue);
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Confirms an enrolment with a code of the new secret: stores the secret (encrypted) and ten recovery codes
    /// (hashed), replacing any earlier ones, and returns the codes to show once. Null with a problem on "code" otherwise.</summary>
    public async Task<(IReadOnlyList<string>? Codes, string? Problem)> ConfirmAsync(Guid userId, string account, string? sealedValue, string? code,
        string correlationId, Guid? clinicId)
    {
        var pending = Reopen(userId, account, sealedValue, out var replacing);
        if (pending is null)
        {
            return (null, "This set-up has expired or is not yours. A new secret is shown below: add it to your app again.");
        }

        var existing = await db.TwoFactorAuthenticators.FirstOrDefaultAsync(a => a.UserId == userId);
        if (existing is not null && !replacing)
        {
            return (null, "A second factor is already on for your account. To use another app, choose \"Replace\" and give a current code first.");
        }

        var secret = TotpCodes.FromBase32(pending.SecretText);
        var check = TotpCodes.Verify(secret, code, clock.GetUtcNow(), 0);
        if (check.Verdict != TotpVerdict.Accepted)
        {
            return (null, TotpCodes.Normalise(code) is null
                ? "Enter the 6-digit code your authenticator app shows for Speciosa."
                : "That code does not match this secret. Check that the app shows the entry you just added and that its clock is right, then try the newest code.");
        }

        var protectedSecret = protection.CreateProtector(SecretPurpose).Protect(TotpCodes.ToBase32(secret));
        if (existing is not null && existing.ProtectedSecret is { } old && Unprotect(old) is { } oldSecret && oldSecret.AsSpan().SequenceEqual(secret))
        {
            return (null, "This secret is already in use: the set-up was confirmed before.");
        }

        var codes = RecoveryCodes.Generate();
        await using var tx = await db.Database.BeginTransactionAsync();
        await db.TwoFactorRecoveryCodes.Where(c => c.UserId == userId).ExecuteDeleteAsync();
        if (existing is null)
        {
            db.TwoFactorAuthenticators.Add(new TwoFactorAuthenticator
            {
                UserId = userId, ProtectedSecret = protectedSecret, ConfirmedAt = clock.GetUtcNow(), LastUsedStep = check.Step,
            });
        }
        else
        {
            existing.ProtectedSecret = protectedSecret;
            existing.ConfirmedAt = clock.GetUtcNow();
            existing.LastUsedStep = check.Step;
        }

        foreach (var c in codes)
        {
            db.TwoFactorRecoveryCodes.Add(new TwoFactorRecoveryCode { Id = Guid.NewGuid(), UserId = userId, CodeHash = RecoveryCodes.Hash(c) });
        }

        await db.SaveChangesAsync();
        await tx.CommitAsync();
        if (replacing)
        {
            await audit.AppendAsync(new AuditRecord("two-factor.replace", "UserAccount", AuditOutcome.Success, correlationId, userId, clinicId, userId.ToString()));
        }

        return (codes, null);
    }

    /// <summary>Checks a sign-in's or a confirmation's code: a 6-digit TOTP code (one step of drift; a used step refused),
    /// or an unused recovery code (then marked used and audited).</summary>
    public async Task<SecondFactorResult> CheckAsync(Guid userId, string? code, string correlationId, Guid? clinicId)
    {
        var row = await db.TwoFactorAuthenticators.AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId);
        if (row is null) return SecondFactorResult.NotEnrolled;
        if (TotpCodes.Normalise(code) is not null)
        {
            var secret = Unprotect(row.ProtectedSecret);
            if (secret is null) return SecondFactorResult.Wrong;
            var check = TotpCodes.Verify(secret, code, clock.GetUtcNow(), row.LastUsedStep);
            if (check.Verdict == TotpVerdict.Replayed) return SecondFactorResult.Replayed;
            if (check.Verdict != TotpVerdict.Accepted) return SecondFactorResult.Wrong;
            // Only the first request to claim this step wins, on every instance.
            var claimed = await db.TwoFactorAuthenticators.Where(a => a.UserId == userId && a.LastUsedStep < check.Step)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastUsedStep, check.Step));
            return claimed == 1 ? SecondFactorResult.Accepted : SecondFactorResult.Replayed;
        }

        if (RecoveryCodes.Normalise(code) is null) return SecondFactorResult.Wrong;
        var unused = await db.TwoFactorRecoveryCodes.AsNoTracking().Where(c => c.UserId == userId && c.UsedAt == null).ToListAsync();
        var match = unused.FirstOrDefault(c => RecoveryCodes.Verify(code, c.CodeHash));
        if (match is null) return SecondFactorResult.Wrong;
        var now = clock.GetUtcNow();
        var used = await db.TwoFactorRecoveryCodes.Where(c => c.Id == match.Id && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now));
        if (used != 1) return SecondFactorResult.Replayed;
        await audit.AppendAsync(new AuditRecord("two-factor.recovery-code-used", "UserAccount", AuditOutcome.Success, correlationId, userId, clinicId, userId.ToString()));
        return SecondFactorResult.AcceptedRecoveryCode;
    }

    /// <summary>Turns the second factor off (its owner with a current code, or an Admin's reset): the secret and the
    /// recovery codes are removed in one save, so an audited request's entry commits with it.</summary>
    public async Task<bool> RemoveAsync(Guid userId)
    {
        var rows = await db.TwoFactorAuthenticators.Where(a => a.UserId == userId).ToListAsync();
        var codes = await db.TwoFactorRecoveryCodes.Where(c => c.UserId == userId).ToListAsync();
        if (rows.Count == 0 && codes.Count == 0) return false;
        db.TwoFactorRecoveryCodes.RemoveRange(codes);
        db.TwoFactorAuthenticators.RemoveRange(rows);
        await db.SaveChangesAsync();
        return true;
    }

    private byte[]? Unprotect(string protectedSecret)
    {
        try
        {
            return TotpCodes.FromBase32(protection.CreateProtector(SecretPurpose).Unprotect(protectedSecret));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Stores a confirmed secret directly (the demo's seeded administrator).</summary>
    public async Task SeedAsync(Guid userId, byte[] secret)
    {
        db.TwoFactorAuthenticators.Add(new TwoFactorAuthenticator
        {
            UserId = userId,
            ProtectedSecret = protection.CreateProtector(SecretPurpose).Protect(TotpCodes.ToBase32(secret)),
            ConfirmedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
    }

    private sealed record EnrolmentSeal(Guid UserId, string Secret, bool Replacing);
}
