using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Speciosa.Web.Data;

namespace Speciosa.Web.Identity;

/// <summary>Authenticates <c>Authorization: Bearer spc_…</c> with a personal access token: not revoked,
/// not expired, owner active. The owner's principal (roles, clinic, name) is reused from <see cref="TokenPrincipals"/>
/// while the owner's security stamp is unchanged (issue 17: three queries a request became one).</summary>
public sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SpeciosaDbContext db,
    UserManager<UserAccount> users,
    IUserClaimsPrincipalFactory<UserAccount> principals,
    TokenPrincipals cache,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AccessToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(AccessTokenSecret.TokenPrefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.Fail("Not a Speciosa access token.");
        }

        var hash = AccessTokenSecret.Hash(secret);
        // One query a request: the token and its owner's state. Revocation, expiry, deactivation and a role change (which
        // rotates the security stamp) therefore take effect at once, on every instance.
        var token = await db.AccessTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { t.Id, t.UserId, t.RevokedAt, t.ExpiresAt, t.LastUsedAt, u.IsActive, u.SecurityStamp })
            .FirstOrDefaultAsync(Context.RequestAborted);
        var now = clock.GetUtcNow();
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("The access token is unknown, revoked or expired.");
        }

        // Failed password sign-ins never disable a token: they slow that source's sign-ins only (SignInThrottle).
        if (!token.IsActive)
        {
            return AuthenticateResult.Fail("The token's account cannot sign in.");
        }

        // Last use is informational; write it at most once a minute to keep reads cheap.
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            await db.AccessTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var principal = await cache.GetOrCreateAsync(token.UserId, token.SecurityStamp, async () =>
            await users.FindByIdAsync(token.UserId.ToString()) is { IsActive: true } user ? await principals.CreateAsync(user) : null);
        if (principal is null)
        {
            return AuthenticateResult.Fail("The token's account cannot sign in.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}

/// <summary>The principals built for token owners, kept for <see cref="Lifetime"/> under the owner's id and security stamp.
/// The stamp is read with the token on every request and changes with every role change, deactivation or second-factor
/// reset, so a cached principal never outlives a change of privilege; each request gets its own copy.</summary>
public sealed class TokenPrincipals(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 10_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Guid User, string Stamp), (System.Security.Claims.ClaimsPrincipal Principal, DateTimeOffset Until)> entries = new();

    public async Task<System.Security.Claims.ClaimsPrincipal?> GetOrCreateAsync(Guid userId, string stamp, Func<Task<System.Security.Claims.ClaimsPrincipal?>> create)
    {
        var now = clock.GetUtcNow();
        if (entries.TryGetValue((userId, stamp), out var entry) && entry.Until > now)
        {
            return entry.Principal.Clone();
        }

        var principal = await create();
        if (principal is null)
        {
            entries.TryRemove((userId, stamp), out _);
            return null;
        }

        if (entries.Count >= MaxEntries)
        {
            foreach (var stale in entries.Where(e => e.Value.Until <= now).Select(e => e.Key).ToList())
            {
                entries.TryRemove(stale, out _);
            }

            if (entries.Count >= MaxEntries)
            {
                entries.Clear();
            }
        }

        entries[(userId, stamp)] = (principal, now + Lifetime);
        return principal.Clone();
    }
}
