using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;

namespace Speciosa.Web.Identity;

public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword, string? ConfirmPassword);

public sealed record PasswordResetRequest(Guid? UserId, string? Token, string? NewPassword, string? ConfirmPassword);

/// <summary>A one-time reset link an Admin hands to the account's owner (never the password itself).</summary>
public sealed record PasswordResetLink(Guid UserId, string UserName, string Link, DateTimeOffset ExpiresAt);

/// <summary>The one way a password changes after the account exists: its owner changes it (knowing the current one), or
/// an Admin issues a one-time reset link (<c>Security:PasswordResetHours</c>, default 24) that its owner opens to
/// choose a new one. Either way the bundled-list policy applies, the security stamp changes, and every session of the
/// account ends, so a session opened with the old password stops at once. Access tokens are not touched: they are
/// separate credentials, revoked on their own page.</summary>
public sealed class PasswordChanges(UserManager<UserAccount> users, SpeciosaDbContext db, TimeProvider clock, IConfiguration configuration)
{
    public const string PasswordChanged = "password-changed";

    public TimeSpan ResetLifetime { get; } = TimeSpan.FromHours(configuration.GetValue("Security:PasswordResetHours", 24.0));

    /// <summary>Problems keyed by field (currentPassword, newPassword, confirmPassword); empty when changed.</summary>
    public async Task<Dictionary<string, string[]>> ChangeOwnAsync(ClaimsPrincipal principal, PasswordChangeRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            errors["currentPassword"] = ["Your account could not be found; sign in again."];
            return errors;
        }

        if (string.IsNullOrEmpty(request.CurrentPassword))
        {
            errors["currentPassword"] = ["Enter your current password."];
        }
        else if (!await users.CheckPasswordAsync(user, request.CurrentPassword))
        {
            errors["currentPassword"] = ["That is not your current password."];
        }

        await CheckNewAsync(user, request.NewPassword, request.ConfirmPassword, errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        var result = await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
        return await FinishAsync(user, result, errors);
    }

    /// <summary>Issues a reset link for an account of the Admin's clinic; any earlier link (and every session of the
    /// account) stops working.</summary>
    public async Task<PasswordResetLink> IssueResetAsync(UserAccount user, string baseUrl)
    {
        await users.UpdateSecurityStampAsync(user);
        await EndSessionsAsync(user.Id);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{baseUrl.TrimEnd('/')}/account/reset-password?user={user.Id}&token={Uri.EscapeDataString(token)}";
        return new PasswordResetLink(user.Id, user.UserName, link, clock.GetUtcNow() + ResetLifetime);
    }

    /// <summary>Whether a reset link is still good (not used, replaced or expired).</summary>
    public async Task<bool> IsValidResetAsync(Guid? userId, string? token)
    {
        var user = await FindAsync(userId);
        return user is not null && !string.IsNullOrEmpty(token)
            && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<UserAccount>.ResetPasswordTokenPurpose, token);
    }

    /// <summary>Sets the new password through a reset link; problems keyed by field (token, newPassword, confirmPassword).</summary>
    public async Task<Dictionary<string, string[]>> ResetAsync(PasswordResetRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var user = await FindAsync(request.UserId);
        if (user is null || !await IsValidResetAsync(request.UserId, request.Token))
        {
            errors["token"] = [DeadLink];
            return errors;
        }

        await CheckNewAsync(user, request.NewPassword, request.ConfirmPassword, errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        var result = await users.ResetPasswordAsync(user, request.Token!, request.NewPassword!);
        return await FinishAsync(user, result, errors);
    }

    public const string DeadLink = "This reset link no longer works: it was used, replaced by a newer one, or has expired. Ask an administrator for a new link.";

    private async Task CheckNewAsync(UserAccount user, string? next, string? confirm, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(next))
        {
            errors["newPassword"] = ["Enter a new password."];
            return;
        }

        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, next);
            problems.AddRange(result.Errors.Select(e => e.Description));
        }

        if (problems.Count > 0)
        {
            errors["newPassword"] = problems.Distinct().ToArray();
        }

        if (!string.Equals(next, confirm, StringComparison.Ordinal))
        {
            errors["confirmPassword"] = ["The two new passwords differ; type the same one twice."];
        }
    }

    private async Task<Dictionary<string, string[]>> FinishAsync(UserAccount user, IdentityResult result, Dictionary<string, string[]> errors)
    {
        if (!result.Succeeded)
        {
            errors["newPassword"] = result.Errors.Select(e => e.Description).ToArray();
            return errors;
        }

        await EndSessionsAsync(user.Id);
        return errors;
    }

    private async Task EndSessionsAsync(Guid userId)
    {
        var now = clock.GetUtcNow();
        await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, PasswordChanged));
    }

    private async Task<UserAccount?> FindAsync(Guid? userId) =>
        userId is { } id ? await db.Users.FirstOrDefaultAsync(u => u.Id == id && u.IsActive) : null;
}
