using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Portal;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Portal;

/// <summary><c>Portal:InvitationHours</c>, checked at start-up (<see cref="PortalInvitationRules.Lifetime"/>).</summary>
public sealed record PortalSettings(TimeSpan InvitationLifetime);

public sealed record PortalAcceptRequest(string? Token, string? UserName, string? Password, string? ConfirmPassword);

public sealed record PortalConsentRequest(int? Version, bool? Accept);

public sealed record PortalLinkRequest(Guid? UserId);

/// <summary>An invitation as issued: the link (holding the token) is shown once, here, and stored nowhere.</summary>
public sealed record PortalInvitationIssued(Guid InvitationId, string Link, DateTimeOffset ExpiresAt);

/// <summary>What staff see of a patient's portal access: none, invited (until when), or an account; and the consent.</summary>
public sealed record PortalStatus(string Access, DateTimeOffset? InvitationExpiresAt, string? AccountUserName, int? ConsentVersion,
    DateTimeOffset? ConsentAcceptedAt, int CurrentConsentVersion)
{
    public const string None = "none";
    public const string Invited = "invited";
    public const string Active = "active";

    public bool ConsentCurrent => ConsentVersion is { } v && v >= CurrentConsentVersion;
}

public sealed record PatientAccountChoice(Guid Id, string UserName, string DisplayName);

/// <summary>Getting a patient into the portal (issue 14 item 1): staff issue a one-time, expiring invitation
/// (<c>Portal:InvitationHours</c>, default 72); the patient opens it, chooses a user name and a password (the usual policy),
/// and a Patient-role account is created and bound to the record in one transaction, after which the token no longer works.
/// Staff revoke access: open invitations stop working, and the account is deactivated, unlinked and every session of it
/// ends at once. An Admin may link an existing Patient account instead. The patient accepts the current consent before
/// anything else (<see cref="ConsentGate"/>).</summary>
public sealed class PortalAccess(SpeciosaDbContext db, UserManager<UserAccount> users, TimeProvider clock, PortalSettings settings)
{
    public const string DeadLink = "This invitation link no longer works: it was used, replaced by a newer one, withdrawn, or has expired. Ask your clinic for a new one.";
    public const string RevokedReason = "portal-revoked";

    public TimeSpan Lifetime => settings.InvitationLifetime;

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public async Task<PortalStatus> StatusAsync(Patient patient, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var consent = await db.PortalConsents.AsNoTracking().Where(c => c.PatientId == patient.Id)
            .OrderByDescending(c => c.AcceptedAt).FirstOrDefaultAsync(ct);
        var current = ConsentText.Current.Version;
        if (patient.PortalUserId is { } userId)
        {
            var name = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.UserName).FirstOrDefaultAsync(ct);
            return new PortalStatus(PortalStatus.Active, null, name, consent?.Version, consent?.AcceptedAt, current);
        }

        var open = (await db.PortalInvitations.AsNoTracking()
                .Where(i => i.PatientId == patient.Id && i.AcceptedAt == null && i.RevokedAt == null).ToListAsync(ct))
            .Where(i => PortalInvitationRules.StateOf(i.ExpiresAt, i.AcceptedAt, i.RevokedAt, now) == InvitationState.Open)
            .OrderByDescending(i => i.ExpiresAt).FirstOrDefault();
        return new PortalStatus(open is null ? PortalStatus.None : PortalStatus.Invited, open?.ExpiresAt, null, consent?.Version, consent?.AcceptedAt, current);
    }

    /// <summary>Issues a new invitation; any earlier open one stops working. Refused while the patient has an account.</summary>
    public async Task<(PortalInvitationIssued? Issued, Outcome Outcome)> InviteAsync(Patient patient, Guid staffId, string baseUrl, CancellationToken ct = default)
    {
        if (patient.PortalUserId is not null)
        {
            return (null, Outcome.Conflict("This patient already has portal access. Revoke it first to send a new invitation."));
        }

        var now = clock.GetUtcNow();
        foreach (var earlier in await db.PortalInvitations.Where(i => i.PatientId == patient.Id && i.AcceptedAt == null && i.RevokedAt == null).ToListAsync(ct))
        {
            earlier.RevokedAt = now;
            earlier.RevokedBy = staffId;
        }

        var token = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var invitation = new PortalInvitation
        {
            Id = Guid.NewGuid(), ClinicId = patient.ClinicId, PatientId = patient.Id, TokenHash = HashOf(token),
            IssuedAt = now, IssuedBy = staffId, ExpiresAt = now + Lifetime,
        };
        db.PortalInvitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        var link = $"{baseUrl.TrimEnd('/')}/portal/accept?token={token}";
        return (new PortalInvitationIssued(invitation.Id, link, invitation.ExpiresAt), Outcome.Done);
    }

    /// <summary>Whether an invitation token still works (for the page that shows the form).</summary>
    public async Task<bool> IsOpenAsync(string? token, CancellationToken ct = default) => await FindOpenAsync(token, ct) is not null;

    /// <summary>Creates the Patient account and binds it to the invitation's record, once. Problems keyed by field:
    /// token, userName, password, confirmPassword.</summary>
    public async Task<(UserAccount? User, Outcome Outcome)> AcceptAsync(PortalAcceptRequest request, CancellationToken ct = default)
    {
        var invitation = await FindOpenAsync(request.Token, ct);
        if (invitation is null)
        {
            return (null, Outcome.Invalid("token", DeadLink));
        }

        var patient = await db.Patients.FirstAsync(p => p.Id == invitation.PatientId, ct);
        var errors = new Dictionary<string, string[]>();
        var userName = request.UserName?.Trim() ?? "";
        if (userName.Length is < 3 or > 256 || userName.Any(char.IsWhiteSpace))
        {
            errors["userName"] = ["Choose a user name of 3 to 256 characters, without spaces."];
        }
        else if (await users.FindByNameAsync(userName) is not null)
        {
            errors["userName"] = ["This user name is taken; choose another."];
        }

        var account = new UserAccount
        {
            Id = Guid.NewGuid(), ClinicId = patient.ClinicId, UserName = userName, NormalizedUserName = userName.ToUpperInvariant(),
            DisplayName = patient.DisplayName, SecurityStamp = Guid.NewGuid().ToString(), ConcurrencyStamp = Guid.NewGuid().ToString(),
            CreatedAt = clock.GetUtcNow(),
        };
        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["Choose a password."];
        }
        else
        {
            var problems = new List<string>();
            foreach (var validator in users.PasswordValidators)
            {
                problems.AddRange((await validator.ValidateAsync(users, account, request.Password)).Errors.Select(e => e.Description));
            }

            if (problems.Count > 0)
            {
                errors["password"] = problems.Distinct().ToArray();
            }
        }

        if (!string.Equals(request.Password, request.ConfirmPassword, StringComparison.Ordinal))
        {
            errors["confirmPassword"] = ["The two passwords differ; type the same one twice."];
        }

        if (patient.PortalUserId is not null)
        {
            errors["token"] = [DeadLink];
        }

        if (errors.Count > 0)
        {
            return (null, Outcome.Invalid(errors));
        }

        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Claim the invitation in one statement, so two tabs posting the same link at once create one account.
        var claimed = await db.PortalInvitations
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now), ct);
        if (claimed != 1)
        {
            return (null, Outcome.Invalid("token", DeadLink));
        }

        account.Roles.Add(new UserRoleAssignment { UserId = account.Id, Role = SpeciosaRoles.Patient });
        var created = await users.CreateAsync(account, request.Password!);
        if (!created.Succeeded)
        {
            return (null, Outcome.Invalid("userName", created.Errors.Select(e => e.Description).ToArray() is { Length: > 0 } e ? e[0] : "This user name cannot be used."));
        }

        db.Entry(invitation).State = EntityState.Detached;
        await db.PortalInvitations.Where(i => i.Id == invitation.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedUserId, account.Id), ct);
        patient.PortalUserId = account.Id;
        patient.ConcurrencyStamp = Guid.NewGuid();
        patient.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (account, Outcome.Done);
    }

    /// <summary>Ends the patient's portal access at once: open invitations stop working; the account (if any) is deactivated,
    /// unlinked from the record, and every session of it ends.</summary>
    public async Task<Outcome> RevokeAsync(Patient patient, Guid staffId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var open = await db.PortalInvitations.Where(i => i.PatientId == patient.Id && i.AcceptedAt == null && i.RevokedAt == null).ToListAsync(ct);
        if (open.Count == 0 && patient.PortalUserId is null)
        {
            return Outcome.Conflict("This patient has no portal access or open invitation to revoke.");
        }

        foreach (var i in open)
        {
            i.RevokedAt = now;
            i.RevokedBy = staffId;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (patient.PortalUserId is { } userId)
        {
            var account = await db.Users.FirstAsync(u => u.Id == userId, ct);
            account.IsActive = false;
            account.SecurityStamp = Guid.NewGuid().ToString();
            account.ConcurrencyStamp = Guid.NewGuid().ToString();
            patient.PortalUserId = null;
            patient.ConcurrencyStamp = Guid.NewGuid();
            patient.UpdatedAt = now;
            await db.SaveChangesAsync(ct);
            await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, RevokedReason), ct);
        }
        else
        {
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        return Outcome.Done;
    }

    /// <summary>An Admin links an existing, active Patient-role account of the clinic, not linked to another record.</summary>
    public async Task<Outcome> LinkAsync(Patient patient, Guid? userId, CancellationToken ct = default)
    {
        if (patient.PortalUserId is not null)
        {
            return Outcome.Conflict("This patient already has portal access. Revoke it first to link another account.");
        }

        var choices = await UnlinkedAccountsAsync(patient.ClinicId, ct);
        if (userId is not { } id || choices.All(c => c.Id != id))
        {
            return Outcome.Invalid("userId", "Choose an active Patient-role account of this clinic that is not linked to another record.");
        }

        var now = clock.GetUtcNow();
        foreach (var i in await db.PortalInvitations.Where(i => i.PatientId == patient.Id && i.AcceptedAt == null && i.RevokedAt == null).ToListAsync(ct))
        {
            i.RevokedAt = now;
        }

        patient.PortalUserId = id;
        patient.ConcurrencyStamp = Guid.NewGuid();
        patient.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    public async Task<IReadOnlyList<PatientAccountChoice>> UnlinkedAccountsAsync(Guid clinicId, CancellationToken ct = default)
    {
        var linked = await db.Patients.Where(p => p.PortalUserId != null).Select(p => p.PortalUserId!.Value).ToListAsync(ct);
        return await db.Users.AsNoTracking()
            .Where(u => u.ClinicId == clinicId && u.IsActive && u.Roles.Any(r => r.Role == SpeciosaRoles.Patient)
                && u.Roles.All(r => r.Role == SpeciosaRoles.Patient) && !linked.Contains(u.Id))
            .OrderBy(u => u.UserName).Select(u => new PatientAccountChoice(u.Id, u.UserName, u.DisplayName)).ToListAsync(ct);
    }

    /// <summary>The record bound to a Patient-role user, or null.</summary>
    public async Task<Patient?> OwnRecordAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        user.IsInRole(SpeciosaRoles.Patient) && !user.IsCareStaff() && user.UserId() is { } id
            ? await db.Patients.VisibleTo(user).FirstOrDefaultAsync(p => p.PortalUserId == id, ct)
            : null;

    /// <summary>Whether this signed-in patient must accept the current consent before going on.</summary>
    public async Task<bool> NeedsConsentAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.IsInRole(SpeciosaRoles.Patient) || user.IsCareStaff() || user.UserId() is not { } id)
        {
            return false;
        }

        var version = ConsentText.Current.Version;
        var consents = db.PortalConsents;
        return !await db.Patients.Where(p => p.PortalUserId == id)
            .AnyAsync(p => consents.Any(c => c.PatientId == p.Id && c.UserId == id && c.Version >= version), ct);
    }

    /// <summary>Records the patient's acceptance of the version they read (it must be the current one).</summary>
    public async Task<Outcome> ConsentAsync(ClaimsPrincipal user, PortalConsentRequest request, CancellationToken ct = default)
    {
        if (await OwnRecordAsync(user, ct) is not { } patient)
        {
            return Outcome.NotFound;
        }

        var errors = new Dictionary<string, string[]>();
        if (request.Accept != true)
        {
            errors["accept"] = ["Tick the box to say you have read this and agree."];
        }

        if (request.Version != ConsentText.Current.Version)
        {
            errors["version"] = [$"The consent you read is not the current one (version {ConsentText.Current.Version}); read it again."];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        db.PortalConsents.Add(new PortalConsent
        {
            Id = Guid.NewGuid(), PatientId = patient.Id, UserId = user.UserId()!.Value, Version = ConsentText.Current.Version, AcceptedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    private async Task<PortalInvitation?> FindOpenAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return null;
        }

        var hash = HashOf(token);
        var invitation = await db.PortalInvitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        return invitation is not null
            && PortalInvitationRules.StateOf(invitation.ExpiresAt, invitation.AcceptedAt, invitation.RevokedAt, clock.GetUtcNow()) == InvitationState.Open
            ? invitation
            : null;
    }

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
