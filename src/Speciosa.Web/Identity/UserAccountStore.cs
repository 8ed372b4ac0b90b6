using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;

namespace Speciosa.Web.Identity;

/// <summary>ASP.NET Core Identity's user store over our DbContext (the EF stores package is not in
/// the registry). Roles are strings from <see cref="SpeciosaRoles"/>.</summary>
public sealed class UserAccountStore(SpeciosaDbContext db) :
    IUserPasswordStore<UserAccount>,
    IUserSecurityStampStore<UserAccount>,
    IUserEmailStore<UserAccount>,
    IUserLockoutStore<UserAccount>,
    IUserRoleStore<UserAccount>
{
    public void Dispose()
    {
        // The DbContext belongs to the request scope.
    }

    public Task<string> GetUserIdAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.Id.ToString());
    public Task<string?> GetUserNameAsync(UserAccount user, CancellationToken ct) => Task.FromResult<string?>(user.UserName);

    public Task SetUserNameAsync(UserAccount user, string? userName, CancellationToken ct)
    {
        user.UserName = userName ?? throw new ArgumentNullException(nameof(userName));
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(UserAccount user, CancellationToken ct) => Task.FromResult<string?>(user.NormalizedUserName);

    public Task SetNormalizedUserNameAsync(UserAccount user, string? normalizedName, CancellationToken ct)
    {
        user.NormalizedUserName = normalizedName ?? throw new ArgumentNullException(nameof(normalizedName));
        return Task.CompletedTask;
    }

    public async Task<IdentityResult> CreateAsync(UserAccount user, CancellationToken ct)
    {
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(UserAccount user, CancellationToken ct)
    {
        if (db.Entry(user).State == EntityState.Detached)
        {
            db.Users.Attach(user);
            db.Entry(user).State = EntityState.Modified;
        }

        user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());
        }

        return IdentityResult.Success;
    }

    /// <summary>Accounts are deactivated, never deleted: audit rows and clinical records point at them.</summary>
    public async Task<IdentityResult> DeleteAsync(UserAccount user, CancellationToken ct)
    {
        user.IsActive = false;
        return await UpdateAsync(user, ct);
    }

    public Task<UserAccount?> FindByIdAsync(string userId, CancellationToken ct) =>
        Guid.TryParse(userId, out var id)
            ? db.Users.FirstOrDefaultAsync(u => u.Id == id, ct)
            : Task.FromResult<UserAccount?>(null);

    public Task<UserAccount?> FindByNameAsync(string normalizedUserName, CancellationToken ct) =>
        db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalizedUserName, ct);

    public Task SetPasswordHashAsync(UserAccount user, string? passwordHash, CancellationToken ct)
    {
        user.PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.PasswordHash);
    public Task<bool> HasPasswordAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.PasswordHash is not null);

    public Task SetSecurityStampAsync(UserAccount user, string stamp, CancellationToken ct)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(UserAccount user, CancellationToken ct) => Task.FromResult<string?>(user.SecurityStamp);

    public Task SetEmailAsync(UserAccount user, string? email, CancellationToken ct)
    {
        user.Email = email;
        return Task.CompletedTask;
    }

    public Task<string?> GetEmailAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.Email);

    // Staff e-mail addresses are entered by an administrator; there is no self-service confirmation flow.
    public Task<bool> GetEmailConfirmedAsync(UserAccount user, CancellationToken ct) => Task.FromResult(true);
    public Task SetEmailConfirmedAsync(UserAccount user, bool confirmed, CancellationToken ct) => Task.CompletedTask;

    public Task<UserAccount?> FindByEmailAsync(string normalizedEmail, CancellationToken ct) =>
        db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail, ct);

    public Task<string?> GetNormalizedEmailAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.NormalizedEmail);

    public Task SetNormalizedEmailAsync(UserAccount user, string? normalizedEmail, CancellationToken ct)
    {
        user.NormalizedEmail = normalizedEmail;
        return Task.CompletedTask;
    }

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.LockoutEnd);

    public Task SetLockoutEndDateAsync(UserAccount user, DateTimeOffset? lockoutEnd, CancellationToken ct)
    {
        user.LockoutEnd = lockoutEnd;
        return Task.CompletedTask;
    }

    public Task<int> IncrementAccessFailedCountAsync(UserAccount user, CancellationToken ct) => Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(UserAccount user, CancellationToken ct)
    {
        user.AccessFailedCount = 0;
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.AccessFailedCount);
    public Task<bool> GetLockoutEnabledAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.LockoutEnabled);

    public Task SetLockoutEnabledAsync(UserAccount user, bool enabled, CancellationToken ct)
    {
        user.LockoutEnabled = enabled;
        return Task.CompletedTask;
    }

    public async Task AddToRoleAsync(UserAccount user, string roleName, CancellationToken ct)
    {
        var role = CanonicalRole(roleName);
        await LoadRolesAsync(user, ct);
        if (!user.Roles.Any(r => r.Role == role))
        {
            user.Roles.Add(new UserRoleAssignment { UserId = user.Id, Role = role });
        }
    }

    public async Task RemoveFromRoleAsync(UserAccount user, string roleName, CancellationToken ct)
    {
        var role = CanonicalRole(roleName);
        await LoadRolesAsync(user, ct);
        user.Roles.RemoveAll(r => r.Role == role);
    }

    public async Task<IList<string>> GetRolesAsync(UserAccount user, CancellationToken ct)
    {
        await LoadRolesAsync(user, ct);
        return user.Roles.Select(r => r.Role).Order(StringComparer.Ordinal).ToList();
    }

    public async Task<bool> IsInRoleAsync(UserAccount user, string roleName, CancellationToken ct)
    {
        var role = SpeciosaRoles.Canonical(roleName);
        return role is not null && (await GetRolesAsync(user, ct)).Contains(role);
    }

    public async Task<IList<UserAccount>> GetUsersInRoleAsync(string roleName, CancellationToken ct)
    {
        var role = CanonicalRole(roleName);
        return await db.Users.Where(u => u.Roles.Any(r => r.Role == role)).ToListAsync(ct);
    }

    private async Task LoadRolesAsync(UserAccount user, CancellationToken ct)
    {
        var entry = db.Entry(user);
        if (entry.State != EntityState.Detached && entry.State != EntityState.Added && !entry.Collection(u => u.Roles).IsLoaded)
        {
            await entry.Collection(u => u.Roles).LoadAsync(ct);
        }
    }

    // UserManager hands us the normalized (upper-case) name; we store the canonical spelling.
    private static string CanonicalRole(string roleName) =>
        SpeciosaRoles.Canonical(roleName) ?? throw new InvalidOperationException($"'{roleName}' is not a Speciosa role.");
}
