using Microsoft.AspNetCore.Http.Metadata;

namespace Speciosa.Web.Http;

/// <summary>Answers "who may" before "in what format": routing rejects a body of the wrong content type with its own
/// 415 endpoint, which carries no authorization, so a role without access learnt that the route exists and what it
/// accepts (and the request went unaudited). When routing chose that endpoint, the request is routed again without its
/// content type (routing then picks the real endpoint), authentication, audit and authorization run as for any request,
/// and only a caller who may use the endpoint gets the 415 — naming the content types it accepts.</summary>
public static class MediaTypeAfterAccess
{
    // The display name ASP.NET Core routing gives its content-type rejection endpoint (AcceptsMatcherPolicy).
    private const string RejectionEndpoint = "415 HTTP Unsupported Media Type";
    private static readonly object HeldContentType = new();

    /// <summary>Call right after <c>UseRouting</c>: routes again, without the content type, a request routing refused for it.
    /// (A second routing middleware in the same pipeline matches only when no endpoint is set.)</summary>
    public static IApplicationBuilder RouteAgainWithoutContentType(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.DisplayName == RejectionEndpoint)
            {
                context.Items[HeldContentType] = context.Request.ContentType ?? "";
                context.Request.ContentType = null;
                context.SetEndpoint(null);
            }

            return next(context);
        });
        return app.UseRouting();
    }

    /// <summary>Call right after <c>UseAuthorization</c>: the authorised caller gets the 415 routing would have given.</summary>
    public static IApplicationBuilder RefuseHeldContentType(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Items[HeldContentType] is not string contentType)
            {
                await next(context);
                return;
            }

            context.Request.ContentType = contentType.Length == 0 ? null : contentType;
            var accepted = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? [];
            await ProblemResponses.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType,
                $"This endpoint does not accept the request's Content-Type. Allowed: {string.Join(", ", accepted)}.");
        });
}
