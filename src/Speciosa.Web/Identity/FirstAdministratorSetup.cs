using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Audit;
using Speciosa.Web.Clinics;
using Speciosa.Web.Data;

namespace Speciosa.Web.Identity;

public sealed record FirstAdministrator(string? ClinicName, string? TimeZone, string? UserName, string? DisplayName, string? Password);

/// <summary>An empty installation ships no password: at start-up it prints a one-time setup link, and
/// whoever opens it creates the clinic and its first administrator. The link dies when used, when a
/// newer one is printed, or once any account exists.</summary>
public sealed class FirstAdministratorSetup(SpeciosaDbContext db, UserAdministration admin, TimeProvider clock)
{
    public async Task<bool> IsNeededAsync(CancellationToken ct = default) => !await db.Users.AnyAsync(ct);

    /// <summary>Creates a fresh setup token (older unused ones are retired) and returns its secret.</summary>
    public async Task<string> IssueTokenAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await db.SetupTokens.Where(t => t.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        var secret = AccessTokenSecret.NewSecret("setup_");
        db.SetupTokens.Add(new SetupToken { Id = Guid.NewGuid(), TokenHash = AccessTokenSecret.Hash(secret), CreatedAt = now });
        await db.SaveChangesAsync(ct);
        return secret;
    }

    public async Task<bool> IsValidTokenAsync(string? secret, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(secret) || !await IsNeededAsync(ct))
        {
            return false;
        }

        var hash = AccessTokenSecret.Hash(secret);
        return await db.SetupTokens.AnyAsync(t => t.TokenHash == hash && t.UsedAt == null, ct);
    }

    public async Task<Dictionary<string, string[]>> CompleteAsync(string? secret, FirstAdministrator request, string correlationId, CancellationToken ct = default)
    {
        if (!await IsValidTokenAsync(secret, ct))
        {
            return new() { ["token"] = ["This setup link is no longer valid. Restart Speciosa to print a new one."] };
        }

        var errors = new Dictionary<string, string[]>();
        var clinicName = request.ClinicName?.Trim() ?? "";
        if (clinicName.Length is < 1 or > 200)
        {
            errors["clinicName"] = ["The clinic's name has 1 to 200 characters."];
        }

        var timeZone = string.IsNullOrWhiteSpace(request.TimeZone) ? "UTC" : request.TimeZone.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            errors["timeZone"] = ["Use an IANA time zone such as Europe/Berlin or America/New_York."];
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var clinic = new Clinic { Id = Guid.NewGuid(), Name = clinicName, TimeZone = timeZone, CreatedAt = clock.GetUtcNow() };
        // No enclosing transaction: the audit trail appends on its own connection, and SQLite has one
        // writer. A clinic left without its administrator is removed again instead.
        db.Clinics.Add(clinic);
        await db.SaveChangesAsync(ct);
        var (user, userErrors) = await admin.CreateAsync(clinic.Id,
            new NewUser(request.UserName, request.DisplayName, null, request.Password, [SpeciosaRoles.Admin]), null, correlationId);
        if (user is null)
        {
            db.ChangeTracker.Clear();
            await db.Clinics.Where(c => c.Id == clinic.Id).ExecuteDeleteAsync(ct);
            return userErrors;
        }

        var now = clock.GetUtcNow();
        await db.SetupTokens.Where(t => t.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        return errors;
    }
}
