using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
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
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapUserAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/users").WithTags("Users").RequireAuthorization(Policies.Admin);

        group.MapGet("/", List)
            .Audited("user.list", "UserAccount")
            .WithSummary("Accounts of your clinic, paged (page from 1, pageSize up to 100).")
            .ProducesValidationProblem();

        group.MapPost("/", async Task<Results<Created<UserSummary>, ValidationProblem>> (
                NewUser request, ClaimsPrincipal user, HttpContext http, UserAdministration admin, TimeProvider clock) =>
            {
                var (created, errors) = await admin.CreateAsync(user.ClinicIdOf()!.Value, request, user.UserId(), AuditMiddleware.CorrelationId(http));
                if (created is null)
                {
                    return ProblemResponses.Invalid(errors);
                }

                http.Audit().ResourceId = created.Id.ToString();
                return TypedResults.Created($"/api/admin/users/{created.Id}", ToSummary(created, clock.GetUtcNow()));
            })
            .Audited("user.create", "UserAccount")
            .WithSummary("Create an account in your clinic with its roles.");

        group.MapPut("/{id:guid}/roles", async Task<Results<Ok<UserSummary>, ValidationProblem, ProblemHttpResult>> (
                Guid id, RolesRequest request, ClaimsPrincipal user, HttpContext http, SpeciosaDbContext db,
                UserAdministration admin, TimeProvider clock, CancellationToken ct) =>
            {
                var clinicId = user.ClinicIdOf();
                var target = await db.Users.Include(u => u.Roles).FirstOrDefaultAsync(u => u.Id == id && u.ClinicId == clinicId, ct);
                if (target is null)
                {
                    return ProblemResponses.Problem(StatusCodes.Status404NotFound);
                }

                var errors = await admin.SetRolesAsync(target, request.Roles, user.UserId(), AuditMiddleware.CorrelationId(http));
                return errors.Count > 0 ? ProblemResponses.Invalid(errors) : TypedResults.Ok(ToSummary(target, clock.GetUtcNow()));
            })
            .Audited("user.roles", "UserAccount")
            .WithSummary("Replace an account's roles (a privilege change; ends its sessions).");

        group.MapPut("/{id:guid}/active", async Task<Results<Ok<UserSummary>, ValidationProblem, ProblemHttpResult>> (
                Guid id, ActiveRequest request, ClaimsPrincipal user, HttpContext http, SpeciosaDbContext db,
                UserAdministration admin, TimeProvider clock, CancellationToken ct) =>
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
                return errors.Count > 0 ? ProblemResponses.Invalid(errors) : TypedResults.Ok(ToSummary(target, clock.GetUtcNow()));
            })
            .Audited("user.active", "UserAccount")
            .WithSummary("Deactivate (ends its sessions and tokens) or reactivate an account. Accounts are never deleted.");

        return app;
    }

    private static async Task<Results<Ok<List<UserSummary>>, ValidationProblem>> List(
        ClaimsPrincipal user, SpeciosaDbContext db, TimeProvider clock, CancellationToken ct, int page = 1, int pageSize = 50)
    {
        if (page < 1)
        {
            return ProblemResponses.Invalid("page", "Pages count from 1.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            return ProblemResponses.Invalid("pageSize", $"pageSize is 1 to {MaxPageSize}.");
        }

        var clinicId = user.ClinicIdOf();
        var users = await db.Users.AsNoTracking().Include(u => u.Roles)
            .Where(u => u.ClinicId == clinicId)
            .OrderBy(u => u.NormalizedUserName)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(users.Select(u => ToSummary(u, now)).ToList());
    }

    private static UserSummary ToSummary(UserAccount u, DateTimeOffset now) =>
        new(u.Id, u.UserName, u.DisplayName, u.Email, u.IsActive, u.LockoutEnd > now,
            u.Roles.Select(r => r.Role).Order(StringComparer.Ordinal).ToList());
}
