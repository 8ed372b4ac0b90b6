using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Speciosa.Web.Audit;
using Speciosa.Web.Http;

namespace Speciosa.Web.Identity;

public sealed record CreateAccessTokenRequest(string? Name, int? ExpiresInDays);

public sealed record AccessTokenSummary(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

/// <summary>The secret appears in this response only; Speciosa keeps just its hash.</summary>
public sealed record CreatedAccessToken(AccessTokenSummary Token, string Secret);

public static class AccessTokenEndpoints
{
    public static IEndpointRouteBuilder MapAccessTokenEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/account/tokens").WithTags("Access tokens");

        group.MapGet("/", async (ClaimsPrincipal user, AccessTokenIssuer issuer, CancellationToken ct) =>
                TypedResults.Ok((await issuer.ListAsync(user.UserId()!.Value, ct)).Select(Summary).ToList()))
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
        CreateAccessTokenRequest request, ClaimsPrincipal user, HttpContext http, AccessTokenIssuer issuer, CancellationToken ct)
    {
        var (token, secret, errors) = await issuer.CreateAsync(user.UserId()!.Value, request.Name, request.ExpiresInDays, ct);
        if (token is null)
        {
            return ProblemResponses.Invalid(errors);
        }

        http.Audit().ResourceId = token.Id.ToString();
        return TypedResults.Created($"/api/account/tokens/{token.Id}", new CreatedAccessToken(Summary(token), secret!));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        Guid id, ClaimsPrincipal user, AccessTokenIssuer issuer, CancellationToken ct) =>
        await issuer.RevokeAsync(user.UserId()!.Value, id, ct)
            ? TypedResults.NoContent()
            : ProblemResponses.Problem(StatusCodes.Status404NotFound);

    private static AccessTokenSummary Summary(PersonalAccessToken t) =>
        new(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt);
}
