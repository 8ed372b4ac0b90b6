using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Audit;

namespace Speciosa.Web.Identity;

public sealed record NewUser(string? UserName, string? DisplayName, string? Email, string? Password, IReadOnlyList<string>? Roles);

/// <summary>Creates accounts and changes roles; both are privilege changes and audited as such.
/// Validation errors come back keyed by field.</summary>
public sealed class UserAdministration(UserManager<UserAccount> users, AuditTrail audit, TimeProvider clock, SignInThrottle throttle, TwoFactor twoFactor,
    Speciosa.Web.Data.SpeciosaDbContext db)
{
    public async Task<(UserAccount? User, Dictionary<string, string[]> Errors)> CreateAsync(
        Guid clinicId, NewUser request, Guid? actingUserId, string correlationId)
    {
        var errors = new Dictionary<string, string[]>();
        var userName = request.UserName?.Trim() ?? "";
        if (userName.Length is < 3 or > 256)
        {
            errors["userName"] = ["A user name has 3 to 256 characters."];
        }

        var displayName = request.DisplayName?.Trim() ?? "";
        if (displayName.Length is < 1 or > 200)
        {
            errors["displayName"] = ["A display name has 1 to 200 characters."];
        }

        var roles = CanonicalRoles(request.Roles, errors);
        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["A password is required."];
        }
        else
        {
            var probe = NewAccount(clinicId, userName, displayName, request.Email);
            var problems = new List<string>();
            foreach (var validator in users.PasswordValidators)
            {
                problems.AddRange((await validator.ValidateAsync(users, probe, request.Password)).Errors.Select(e => e.Description));
            }

            if (problems.Count > 0)
            {
                errors["password"] = problems.Distinct().ToArray();
            }
        }

        if (errors.Count == 0 && await users.FindByNameAsync(userName) is not null)
        {
            errors["userName"] = ["This user name is taken."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var user = NewAccount(clinicId, userName, displayName, request.Email);
        foreach (var role in roles)
        {
            user.Roles.Add(new UserRoleAssignment { UserId = user.Id, Role = role });
        }

        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            return (null, new Dictionary<string, string[]> { ["userName"] = created.Errors.Select(e => e.Description).ToArray() });
        }

        await audit.AppendAsync(new AuditRecord("privilege.grant", "UserAccount", AuditOutcome.Success, correlationId,
            actingUserId, clinicId, user.Id.ToString()));
        return (user, errors);
    }

    public async Task<Dictionary<string, string[]>> SetRolesAsync(UserAccount user, IReadOnlyList<string>? requested, Guid? actingUserId, string correlationId)
    {
        var errors = new Dictionary<string, string[]>();
        var roles = CanonicalRoles(requested, errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        if (actingUserId == user.Id && !roles.Contains(SpeciosaRoles.Admin))
        {
            errors["roles"] = ["You cannot remove your own Admin role; ask another administrator."];
            return errors;
        }

        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(roles).ToList());
        await users.AddToRolesAsync(user, roles.Except(current).ToList());
        // Rotating the stamp re-checks every session on its next request, so old privileges stop at once.
        await users.UpdateSecurityStampAsync(user);
        await audit.AppendAsync(new AuditRecord("privilege.change", "UserAccount", AuditOutcome.Success, correlationId,
            actingUserId, user.ClinicId, user.Id.ToString()));
        return errors;
    }

    /// <summary>Deactivating ends every session and token of the account at once; it is never deleted.</summary>
    public async Task<Dictionary<string, string[]>> SetActiveAsync(UserAccount user, bool active, Guid? actingUserId, string correlationId)
    {
        if (!active && actingUserId == user.Id)
        {
            return new() { ["active"] = ["You cannot deactivate your own account; ask another administrator."] };
        }

        if (user.IsActive == active)
        {
            return [];
        }

        user.IsActive = active;
        await users.UpdateSecurityStampAsync(user);
        await audit.AppendAsync(new AuditRecord(active ? "privilege.reactivate" : "privilege.deactivate", "UserAccount",
            AuditOutcome.Success, correlationId, actingUserId, user.ClinicId, user.Id.ToString()));
        return [];
    }

    /// <summary>Clears the account's failed sign-ins from every source address.</summary>
    public async Task UnlockAsync(UserAccount user, Guid? actingUserId, string correlationId)
    {
        await throttle.ClearAsync(user.Id);
        await audit.AppendAsync(new AuditRecord("privilege.unlock", "UserAccount", AuditOutcome.Success, correlationId,
            actingUserId, user.ClinicId, user.Id.ToString()));
    }

    /// <summary>An Admin's reset of an account's second factor (a lost phone): the secret and recovery codes are deleted and
    /// every session of the account ends. If the account's role requires a second factor, its owner sets up a new one
    /// right after the next password sign-in. False when the account had none.</summary>
    public async Task<bool> ResetTwoFactorAsync(UserAccount user, Guid? actingUserId, string correlationId)
    {
        if (!await twoFactor.RemoveAsync(user.Id))
        {
            return false;
        }

        await users.UpdateSecurityStampAsync(user);
        var now = clock.GetUtcNow();
        await db.UserSessions.Where(s => s.UserId == user.Id && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, "two-factor-reset"));
        await audit.AppendAsync(new AuditRecord("privilege.two-factor-reset", "UserAccount", AuditOutcome.Success, correlationId,
            actingUserId, user.ClinicId, user.Id.ToString()));
        return true;
    }

    private static List<string> CanonicalRoles(IReadOnlyList<string>? requested, Dictionary<string, string[]> errors)
    {
        var roles = new List<string>();
        foreach (var r in requested ?? [])
        {
            var canonical = SpeciosaRoles.Canonical(r);
            if (canonical is null)
            {
                errors["roles"] = [$"'{r}' is not a role. Allowed: {string.Join(", ", SpeciosaRoles.All)}."];
                return [];
            }

            if (!roles.Contains(canonical))
            {
                roles.Add(canonical);
            }
        }

        if (roles.Count == 0)
        {
            errors["roles"] = [$"Give at least one role: {string.Join(", ", SpeciosaRoles.All)}."];
        }

        return roles;
    }

    private UserAccount NewAccount(Guid clinicId, string userName, string displayName, string? email) => new()
    {
        Id = Guid.NewGuid(),
        ClinicId = clinicId,
        UserName = userName,
        NormalizedUserName = userName.ToUpperInvariant(),
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim(),
        DisplayName = displayName,
        SecurityStamp = Guid.NewGuid().ToString("N"),
        ConcurrencyStamp = Guid.NewGuid().ToString("N"),
        CreatedAt = clock.GetUtcNow(),
    };
}
