using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Speciosa.Web.Audit;

namespace Speciosa.Web.Identity;

public enum SignInOutcome
{
    Succeeded,
    /// <summary>Wrong user name or password. Deliberately the same whether or not the account exists.</summary>
    Failed,
    LockedOut,
}

/// <summary>Password sign-in shared by the sign-in page and the API. Audits every attempt; failures count towards
/// a delay for that account from that source (<see cref="SignInThrottle"/>).</summary>
public sealed class SignInService(
    SignInManager<UserAccount> signIns,
    UserManager<UserAccount> users,
    UserSessions sessions,
    SignInThrottle throttle)
{
    public async Task<SignInOutcome> SignInAsync(HttpContext http, string? userName, string? password)
    {
        var audit = http.Audit();
        audit.Action = "auth.sign-in";
        // Lockout bookkeeping is written before the outcome is known: the entry is appended once it is.
        audit.AppendWhenDone();
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            audit.Outcome = AuditOutcome.Failure;
            return SignInOutcome.Failed;
        }

        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null || !user.IsActive)
        {
            // Spend comparable time so response timing does not reveal whether the account exists.
            users.PasswordHasher.HashPassword(new UserAccount
            {
                UserName = "", NormalizedUserName = "", DisplayName = "", SecurityStamp = "", ConcurrencyStamp = "",
            }, password);
            audit.Outcome = AuditOutcome.Failure;
            return SignInOutcome.Failed;
        }

        audit.UserId = user.Id;
        audit.ClinicId = user.ClinicId;
        audit.ResourceId = user.Id.ToString();
        // Failures count per account and source address, and slow that source only: nobody can lock a person out
        // from elsewhere, and API tokens are never touched.
        var source = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (await throttle.BlockedUntilAsync(user.Id, source) is not null)
        {
            audit.Outcome = "throttled";
            return SignInOutcome.LockedOut;
        }

        if (!await signIns.CanSignInAsync(user) || !await users.CheckPasswordAsync(user, password))
        {
            var waiting = await throttle.FailedAsync(user.Id, source);
            audit.Outcome = waiting is null ? AuditOutcome.Failure : "throttled";
            return waiting is null ? SignInOutcome.Failed : SignInOutcome.LockedOut;
        }

        await throttle.SucceededAsync(user.Id, source);
        // The cookie names a server-side session, so signing out can end every copy of it.
        var session = await sessions.StartAsync(user.Id);
        await signIns.SignInWithClaimsAsync(user, isPersistent: false, [session, new Claim("amr", "pwd")]);
        audit.Outcome = AuditOutcome.Success;
        return SignInOutcome.Succeeded;
    }

    public async Task SignOutAsync(HttpContext http)
    {
        http.Audit().Action = "auth.sign-out";
        await sessions.EndAsync(http.User);
        await signIns.SignOutAsync();
    }
}
