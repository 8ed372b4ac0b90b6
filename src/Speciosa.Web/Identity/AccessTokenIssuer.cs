using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Data;

namespace Speciosa.Web.Identity;

/// <summary>Creates and revokes personal access tokens for the signed-in user; the page and the API
/// both go through here, so the rules (name, lifetime, hashing) are stated once.</summary>
public sealed class AccessTokenIssuer(SpeciosaDbContext db, TimeProvider clock)
{
    public const int MaxLifetimeDays = 365;

    public async Task<(PersonalAccessToken? Token, string? Secret, Dictionary<string, string[]> Errors)> CreateAsync(
        Guid userId, string? requestedName, int? expiresInDays, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var name = requestedName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            errors["name"] = ["Give the token a name of 1 to 100 characters, e.g. the script that uses it."];
        }

        var days = expiresInDays ?? 90;
        if (days is < 1 or > MaxLifetimeDays)
        {
            errors["expiresInDays"] = [$"A token lives from 1 to {MaxLifetimeDays} days."];
        }

        if (errors.Count > 0)
        {
            return (null, null, errors);
        }

        var secret = AccessTokenSecret.NewSecret();
        var now = clock.GetUtcNow();
        var token = new PersonalAccessToken
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Name = name!,
            Prefix = secret[..10],
            TokenHash = AccessTokenSecret.Hash(secret),
            CreatedAt = now,
            ExpiresAt = now.AddDays(days),
        };
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return (token, secret, errors);
    }

    /// <summary>False when the user has no such token (someone else's counts as none).</summary>
    public async Task<bool> RevokeAsync(Guid userId, Guid tokenId, CancellationToken ct = default)
    {
        var token = await db.AccessTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<List<PersonalAccessToken>> ListAsync(Guid userId, CancellationToken ct = default) =>
        (await db.AccessTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync(ct))
            .OrderByDescending(t => t.CreatedAt).ToList();
}
