using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Audit;
using Speciosa.Web.Data;
using Speciosa.Web.Http;

namespace Speciosa.Web.Identity;

public sealed record UserSummary(Guid Id, string UserName, string DisplayName, string? Email, bool IsActive,
    bool LockedOut, IReadOnlyList<string> Roles);

public sealed record RolesRequest(IReadOnlyList<string>? Roles);

public sealed record ActiveRequest(bool? Active);

public static class UserAdminEndpoints
{

    public static IEndpointRouteBuilder MapUserAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/users").WithTags("Users").RequireAuthorization(Policies.Admin);

        group.MapGet("/", List)
            .Audited("user.list", "UserAccount")
            .WithSummary("Accounts of your clinic, paged (page from 1, pageSize up to 100).")
            .ProducesValidationProblem();

        group.MapPost("/", async Task<Results<Created<UserSummary>, ValidationProblem>> (
                NewUser request, ClaimsPrincipal user, HttpContext http, UserAdministration admin) =>
            {
                var (created, errors) = await admin.CreateAsync(user.ClinicIdOf()!.Value, request, user.UserId(), AuditMiddleware.CorrelationId(http));
                if (created is null)
                {
                    return ProblemResponses.Invalid(errors);
                }

                http.Audit().ResourceId = created.Id.ToString();
                return TypedResults.Created($"/api/admin/users/{created.Id}", ToSummary(created, new HashSet<Guid>()));
            })
            .Audited("user.create", "UserAccount")
            .WithSummary("Create an account in your clinic with its roles.");

        group.MapPut("/{id:guid}/roles", async Task<Results<Ok<UserSummary>, ValidationProblem, ProblemHttpResult>> (
                Guid id, RolesRequest request, ClaimsPrincipal user, HttpContext http, SpeciosaDbContext db,
                UserAdministration admin, SignInThrottle throttle, CancellationToken ct) =>
            {
                var clinicId = user.ClinicIdOf();
                var target = await db.Users.Include(u => u.Roles).FirstOrDefaultAsync(u => u.Id == id && u.ClinicId == clinicId, ct);
                if (target is null)
                {
                    return ProblemResponses.Problem(StatusCodes.Status404NotFound);
                }

                var errors = await admin.SetRolesAsync(target, request.Roles, user.UserId(), AuditMiddleware.CorrelationId(http));
                return errors.Count > 0 ? ProblemResponses.Invalid(errors) : TypedResults.Ok(ToSummary(target, await throttle.DelayedAccountsAsync([target.Id])));
            })
            .Audited("user.roles", "UserAccount")
            .WithSummary("Replace an account's roles (a privilege change; ends its sessions).");

        group.MapPut("/{id:guid}/active", async Task<Results<Ok<UserSummary>, ValidationProblem, ProblemHttpResult>> (
                Guid id, ActiveRequest request, ClaimsPrincipal user, HttpContext http, SpeciosaDbContext db,
                UserAdministration admin, SignInThrottle throttle, CancellationToken ct) =>
            {
                if (request.Active is null)
                {
                    return ProblemResponses.Invalid("active", "Say true to reactivate or false to deactivate the account.");
                }

                var clinicId = user.ClinicIdOf();
                var target = await db.Users.Include(u => u.Roles).FirstOrDefaultAsync(u => u.Id == id && u.ClinicId == clinicId, ct);
                if (target is null)
                {
                    return ProblemResponses.Problem(StatusCodes.Status404NotFound);
                }

                var errors = await admin.SetActiveAsync(target, request.Active.Value, user.UserId(), AuditMiddleware.CorrelationId(http));
                return errors.Count > 0 ? ProblemResponses.Invalid(errors) : TypedResults.Ok(ToSummary(target, await throttle.DelayedAccountsAsync([target.Id])));
            })
            .Audited("user.active", "UserAccount")
            .WithSummary("Deactivate (ends its sessions and tokens) or reactivate an account. Accounts are never deleted.");

        group.MapPost("/{id:guid}/unlock", async Task<Results<Ok<UserSummary>, ProblemHttpResult>> (
                Guid id, ClaimsPrincipal user, HttpContext http, SpeciosaDbContext db, UserAdministration admin, CancellationToken ct) =>
            {
                var clinicId = user.ClinicIdOf();
                var target = await db.Users.Include(u => u.Roles).FirstOrDefaultAsync(u => u.Id == id && u.ClinicId == clinicId, ct);
                if (target is null)
                {
                    return ProblemResponses.Problem(StatusCodes.Status404NotFound);
                }

                await admin.UnlockAsync(target, user.UserId(), AuditMiddleware.CorrelationId(http));
                return TypedResults.Ok(ToSummary(target, new HashSet<Guid>()));
            })
            .Audited("user.unlock", "UserAccount")
            .WithSummary("Let every source address try the account's password again at once (clears the failed sign-ins).");

        group.MapDelete("/{id:guid}/two-factor", async Task<Results<NoContent, ProblemHttpResult>> (
                Guid id, ClaimsPrincipal user, HttpContext http, SpeciosaDbContext db, UserAdministration admin, CancellationToken ct) =>
            {
                var clinicId = user.ClinicIdOf();
                var target = await db.Users.FirstOrDefaultAsync(u => u.Id == id && u.ClinicId == clinicId, ct);
                if (target is null)
                {
                    return ProblemResponses.Problem(StatusCodes.Status404NotFound);
                }

                http.Audit().ResourceId = id.ToString();
                return await admin.ResetTwoFactorAsync(target, user.UserId(), AuditMiddleware.CorrelationId(http))
                    ? TypedResults.NoContent()
                    : ProblemResponses.Problem(StatusCodes.Status404NotFound, "This account has no second factor to reset.");
            })
            .Audited("two-factor.reset", "UserAccount")
            .WithSummary("Reset an account's TOTP second factor (e.g. a lost phone): its secret and recovery codes are deleted and its " +
                "sessions end. If its role requires one, its owner sets up a new one at the next sign-in.");

        return app;
    }

    private static async Task<Results<Ok<ListPage<UserSummary>>, ValidationProblem>> List(
        ClaimsPrincipal user, SpeciosaDbContext db, SignInThrottle throttle, [AsParameters] PageRequest paging, CancellationToken ct)
    {
        var errors = paging.Check();
        if (errors.Count > 0)
        {
            return ProblemResponses.Invalid(errors);
        }

        paging = paging.OrSize(50);
        var clinicId = user.ClinicIdOf();
        var query = db.Users.AsNoTracking().Where(u => u.ClinicId == clinicId);
        var total = await query.CountAsync(ct);
        var users = await query.Include(u => u.Roles)
            .OrderBy(u => u.NormalizedUserName)
            .Skip(paging.Skip).Take(paging.Size)
            .ToListAsync(ct);
        var delayed = await throttle.DelayedAccountsAsync(users.Select(u => u.Id));
        return TypedResults.Ok(paging.Of(users.Select(u => ToSummary(u, delayed)).ToList(), total));
    }

    /// <summary><see cref="UserSummary.LockedOut"/>: some source address must wait before it may try a password again.</summary>
    private static UserSummary ToSummary(UserAccount u, IReadOnlySet<Guid> delayed) =>
        new(u.Id, u.UserName, u.DisplayName, u.Email, u.IsActive, delayed.Contains(u.Id),
            u.Roles.Select(r => r.Role).Order(StringComparer.Ordinal).ToList());
}
