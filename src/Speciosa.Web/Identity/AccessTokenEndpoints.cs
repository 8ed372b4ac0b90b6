using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Audit;
using Speciosa.Web.Data;
using Speciosa.Web.Http;

namespace Speciosa.Web.Identity;

public sealed record CreateAccessTokenRequest(string? Name, int? ExpiresInDays);

public sealed record AccessTokenSummary(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

/// <summary>The secret appears in this response only; Speciosa keeps just its hash.</summary>
public sealed record CreatedAccessToken(AccessTokenSummary Token, string Secret);

public static class AccessTokenEndpoints
{
    public const int MaxLifetimeDays = 365;

    public static IEndpointRouteBuilder MapAccessTokenEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/account/tokens").WithTags("Access tokens");

        group.MapGet("/", async (ClaimsPrincipal user, SpeciosaDbContext db, CancellationToken ct) =>
            {
                var userId = user.UserId();
                var tokens = await db.AccessTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync(ct);
                return TypedResults.Ok(tokens.OrderByDescending(t => t.CreatedAt).Select(Summary).ToList());
            })
            .Audited("access-token.list", "AccessToken")
            .WithSummary("Your personal access tokens (never their secrets).");

        group.MapPost("/", Create)
            .Audited("access-token.create", "AccessToken")
            .WithSummary("Create a personal access token for scripts: send it as 'Authorization: Bearer <secret>'.")
            .ProducesValidationProblem();

        group.MapDelete("/{id:guid}", Revoke)
            .Audited("access-token.revoke", "AccessToken")
            .WithSummary("Revoke one of your tokens; it stops working at once.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private static async Task<Results<Created<CreatedAccessToken>, ValidationProblem>> Create(
        CreateAccessTokenRequest request, ClaimsPrincipal user, HttpContext http, SpeciosaDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            return ProblemResponses.Invalid("name", "Give the token a name of 1 to 100 characters, e.g. the script that uses it.");
        }

        var days = request.ExpiresInDays ?? 90;
        if (days is < 1 or > MaxLifetimeDays)
        {
            return ProblemResponses.Invalid("expiresInDays", $"A token lives from 1 to {MaxLifetimeDays} days.");
        }

        var secret = AccessTokenSecret.NewSecret();
        var now = clock.GetUtcNow();
        var token = new PersonalAccessToken
        {
            Id = Guid.NewGuid(),
            UserId = user.UserId()!.Value,
            Name = name,
            Prefix = secret[..10],
            TokenHash = AccessTokenSecret.Hash(secret),
            CreatedAt = now,
            ExpiresAt = now.AddDays(days),
        };
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync(ct);
        http.Audit().ResourceId = token.Id.ToString();
        return TypedResults.Created($"/api/account/tokens/{token.Id}", new CreatedAccessToken(Summary(token), secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        Guid id, ClaimsPrincipal user, SpeciosaDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var userId = user.UserId();
        var token = await db.AccessTokens.FirstOrDefaultAsync(t => t.Id == id && t.UserId == userId, ct);
        if (token is null)
        {
            return ProblemResponses.Problem(StatusCodes.Status404NotFound);
        }

        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static AccessTokenSummary Summary(PersonalAccessToken t) =>
        new(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt);
}
