using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Speciosa.Web.Audit;

namespace Speciosa.Web.Identity;

public enum SignInOutcome
{
    Succeeded,
    /// <summary>Wrong user name or password. Deliberately the same whether or not the account exists.</summary>
    Failed,
    LockedOut,
    /// <summary>The password was right and the account has a second factor: a code is needed before a session.</summary>
    SecondFactorRequired,
    /// <summary>The password was right but the code was wrong, or its time step was used already.</summary>
    SecondFactorFailed,
    /// <summary>The pending sign-in (password given, code not yet) has expired or is unknown.</summary>
    SecondFactorExpired,
}

/// <summary>Password sign-in shared by the sign-in page and the API. Audits every attempt; failures count towards
/// a delay for that account from that source (<see cref="SignInThrottle"/>). An account with a TOTP second factor
/// (<see cref="TwoFactor"/>) gets its session only after a code: the API takes it in the same request, the page in a
/// second step (<c>/account/sign-in/code</c>) held by a short-lived encrypted cookie naming the account. Wrong codes
/// count towards the same delay as wrong passwords.</summary>
public sealed class SignInService(
    SignInManager<UserAccount> signIns,
    UserManager<UserAccount> users,
    UserSessions sessions,
    SignInThrottle throttle,
    TwoFactor twoFactor,
    TimeProvider clock)
{
    /// <summary>How long the code step may take after the password.</summary>
    public static readonly TimeSpan SecondStepLifetime = TimeSpan.FromMinutes(5);
    private const string StampClaim = "speciosa:stamp";

    public async Task<SignInOutcome> SignInAsync(HttpContext http, string? userName, string? password, string? code = null, bool secondStepOnPage = false)
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
        var source = SourceOf(http);
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

        if (await twoFactor.IsEnabledAsync(user.Id))
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                if (secondStepOnPage)
                {
                    var pending = new ClaimsIdentity(
                        [new Claim(ClaimTypes.Name, user.Id.ToString()), new Claim(StampClaim, user.SecurityStamp)],
                        IdentityConstants.TwoFactorUserIdScheme);
                    await http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(pending),
                        new AuthenticationProperties { IsPersistent = false, ExpiresUtc = clock.GetUtcNow() + SecondStepLifetime });
                }

                audit.Outcome = "second-factor-required";
                return SignInOutcome.SecondFactorRequired;
            }

            var checkedCode = await CheckCodeAsync(http, user, code, source);
            if (checkedCode != SignInOutcome.Succeeded) return checkedCode;
            // A successful API sign-in stays "auth.sign-in"; refused codes were audited as "auth.second-factor".
            audit.Action = "auth.sign-in";
        }

        await StartSessionAsync(user, source, twoFactorUsed: false);
        audit.Outcome = AuditOutcome.Success;
        return SignInOutcome.Succeeded;
    }

    /// <summary>The page's second step: the code for the account whose password was given within the last minutes.</summary>
    public async Task<SignInOutcome> SecondStepAsync(HttpContext http, string? code)
    {
        var audit = http.Audit();
        audit.Action = "auth.second-factor";
        audit.AppendWhenDone();
        var user = await PendingUserAsync(http);
        if (user is null)
        {
            audit.Outcome = AuditOutcome.Failure;
            return SignInOutcome.SecondFactorExpired;
        }

        audit.UserId = user.Id;
        audit.ClinicId = user.ClinicId;
        audit.ResourceId = user.Id.ToString();
        var source = SourceOf(http);
        if (await throttle.BlockedUntilAsync(user.Id, source) is not null)
        {
            audit.Outcome = "throttled";
            return SignInOutcome.LockedOut;
        }

        var outcome = await CheckCodeAsync(http, user, code, source);
        if (outcome != SignInOutcome.Succeeded) return outcome;
        await http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await StartSessionAsync(user, source, twoFactorUsed: true);
        audit.Outcome = AuditOutcome.Success;
        return SignInOutcome.Succeeded;
    }

    /// <summary>The account waiting for its code on this browser, if the wait is still open and nothing changed since.</summary>
    public async Task<UserAccount?> PendingUserAsync(HttpContext http)
    {
        var pending = await http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (!pending.Succeeded || pending.Principal is null) return null;
        var user = await users.FindByIdAsync(pending.Principal.FindFirstValue(ClaimTypes.Name) ?? "");
        return user is { IsActive: true } && user.SecurityStamp == pending.Principal.FindFirstValue(StampClaim) ? user : null;
    }

    private async Task<SignInOutcome> CheckCodeAsync(HttpContext http, UserAccount user, string? code, string source)
    {
        var audit = http.Audit();
        audit.Action = "auth.second-factor";
        var result = await twoFactor.CheckAsync(user.Id, code, AuditMiddleware.CorrelationId(http), user.ClinicId);
        if (result is SecondFactorResult.Accepted or SecondFactorResult.AcceptedRecoveryCode or SecondFactorResult.NotEnrolled)
        {
            return SignInOutcome.Succeeded;
        }

        var waiting = await throttle.FailedAsync(user.Id, source);
        audit.Outcome = waiting is not null ? "throttled" : result == SecondFactorResult.Replayed ? "replayed" : AuditOutcome.Failure;
        return waiting is null ? SignInOutcome.SecondFactorFailed : SignInOutcome.LockedOut;
    }

    private async Task StartSessionAsync(UserAccount user, string source, bool twoFactorUsed)
    {
        await throttle.SucceededAsync(user.Id, source);
        // The cookie names a server-side session, so signing out can end every copy of it.
        var session = await sessions.StartAsync(user.Id);
        Claim[] claims = await twoFactor.IsEnabledAsync(user.Id) || twoFactorUsed
            ? [session, new Claim("amr", "pwd"), new Claim("amr", "otp")]
            : [session, new Claim("amr", "pwd")];
        await signIns.SignInWithClaimsAsync(user, isPersistent: false, claims);
    }

    private static string SourceOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public async Task SignOutAsync(HttpContext http)
    {
        http.Audit().Action = "auth.sign-out";
        await sessions.EndAsync(http.User);
        await signIns.SignOutAsync();
    }
}
