using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Speciosa.Web.Data;

namespace Speciosa.Web.Identity;

/// <summary>Authenticates <c>Authorization: Bearer spc_…</c> with a personal access token: not revoked,
/// not expired, owner active and not locked out.</summary>
public sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SpeciosaDbContext db,
    UserManager<UserAccount> users,
    IUserClaimsPrincipalFactory<UserAccount> principals,
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
        var token = await db.AccessTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        var now = clock.GetUtcNow();
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("The access token is unknown, revoked or expired.");
        }

        var user = await users.FindByIdAsync(token.UserId.ToString());
        // Failed password sign-ins never disable a token: they slow that source's sign-ins only (SignInThrottle).
        if (user is null || !user.IsActive)
        {
            return AuthenticateResult.Fail("The token's account cannot sign in.");
        }

        // Last use is informational; write it at most once a minute to keep reads cheap.
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        var principal = await principals.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
