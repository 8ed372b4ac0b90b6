using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Speciosa.Web.Data;

namespace Speciosa.Web.Identity;

/// <summary>Server-side sessions behind the session cookie. A cookie names its session (<see cref="SpeciosaClaims.SessionId"/>);
/// every cookie request checks that the session is still open and younger than the absolute lifetime, so a copied
/// cookie stops working when its owner signs out, and no session outlives <c>Security:AbsoluteSessionHours</c>
/// however busy it is. The table is in the database, so every instance of the app sees the same sessions.</summary>
public sealed class UserSessions(SpeciosaDbContext db, TimeProvider clock, IConfiguration configuration, IOptions<IdentityOptions> identity)
{
    public const string SignedOut = "signed-out";
    public const string Expired = "expired";

    public TimeSpan AbsoluteLifetime { get; } =
        TimeSpan.FromHours(configuration.GetValue("Security:AbsoluteSessionHours", 12.0));

    /// <summary>Opens a session for <paramref name="userId"/> and returns the claim that names it.</summary>
    public async Task<Claim> StartAsync(Guid userId)
    {
        var session = new UserSession { Id = Guid.NewGuid(), UserId = userId, StartedAt = clock.GetUtcNow() };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync();
        return new Claim(SpeciosaClaims.SessionId, session.Id.ToString());
    }

    /// <summary>Whether the session named by <paramref name="user"/>'s cookie may go on: open, younger than the absolute
    /// lifetime, its account active and the account's security stamp the one the cookie was issued under (a role change,
    /// deactivation, password or second-factor reset rotates it). One query: the session joined with its account (issue 17;
    /// it was three, with Identity's stamp check rebuilding the principal on every request). A session that has outlived
    /// the absolute lifetime is ended here.</summary>
    public async Task<bool> IsOpenAsync(ClaimsPrincipal user)
    {
        if (!Guid.TryParse(user.FindFirstValue(SpeciosaClaims.SessionId), out var id)) return false;
        var stampClaim = user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var session = await db.UserSessions.AsNoTracking()
            .Where(s => s.Id == id)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { s.UserId, s.StartedAt, s.EndedAt, u.IsActive, u.SecurityStamp })
            .FirstOrDefaultAsync();
        if (session is null || session.EndedAt is not null || session.UserId != user.UserId()) return false;
        if (!session.IsActive || stampClaim is null || session.SecurityStamp != stampClaim) return false;
        var now = clock.GetUtcNow();
        if (now - session.StartedAt < AbsoluteLifetime) return true;
        if (await db.UserSessions.FirstOrDefaultAsync(s => s.Id == id && s.EndedAt == null) is { } expired)
        {
            await EndAsync(expired, Expired, now);
        }

        return false;
    }

    /// <summary>Ends the session the caller's cookie names (signing out).</summary>
    public async Task EndAsync(ClaimsPrincipal user)
    {
        if (!Guid.TryParse(user.FindFirstValue(SpeciosaClaims.SessionId), out var id)) return;
        var session = await db.UserSessions.FirstOrDefaultAsync(s => s.Id == id && s.EndedAt == null);
        if (session is not null) await EndAsync(session, SignedOut, clock.GetUtcNow());
    }

    private async Task EndAsync(UserSession session, string reason, DateTimeOffset at)
    {
        session.EndedAt = at;
        session.EndReason = reason;
        await db.SaveChangesAsync();
    }

    /// <summary>The cookie's principal check (<see cref="IsOpenAsync"/>): the session, the account's active flag and its
    /// security stamp, read together. The cookie's principal is kept as issued: everything it carries (roles, clinic) changes
    /// only with the stamp, which ends it. A refused cookie is removed.</summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        if (context.Principal is null || !await sessions.IsOpenAsync(context.Principal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>Identity rebuilds the principal after each stamp check; the session's name goes with it.</summary>
    public static Task KeepSessionClaim(SecurityStampRefreshingPrincipalContext context)
    {
        var session = context.CurrentPrincipal?.FindFirst(SpeciosaClaims.SessionId);
        if (session is not null && context.NewPrincipal?.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(session.Type, session.Value));
        }

        return Task.CompletedTask;
    }
}
