using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Speciosa.Web.Audit;

namespace Speciosa.Web.Http;

/// <summary>A browser that asks for a missing page or meets an error gets an HTML page with the site's layout and
/// a trace id (<c>/error</c>, <see cref="Components.Pages.ErrorPage"/>); API clients keep problem details. The
/// failed request is re-run as a GET of the error page — a form post that failed must not be handled as a form post
/// of the error page — and the original status code is kept.</summary>
public static partial class BrowserErrorPages
{
    public const string Path = "/error";
    private const string StatusItem = "speciosa.error.status";
    private const string TraceItem = "speciosa.error.trace";

    /// <summary>Place after the problem-details middleware and before routing.</summary>
    public static IApplicationBuilder UseBrowserErrorPages(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!IsBrowser(context.Request))
        {
            await next(context);
            return;
        }

        int status;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
            // Nothing sent yet means nothing was written (a page that renders its own 404 has started its response):
            // Blazor's bare 400 for a form that is no longer on the page gets the error page too.
            if (status < 400 || status is 401 || context.Response.HasStarted)
            {
                return;
            }
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            status = ProblemResponses.StatusFor(ex);
            if (status == StatusCodes.Status503ServiceUnavailable)
            {
                // The error page's layout reads the database too; say so plainly without it.
                await UnavailableAsync(context);
                return;
            }

            var failure = new ExceptionHandlerFeature { Error = ex, Path = context.Request.Path.Value ?? "" };
            context.Features.Set<IExceptionHandlerFeature>(failure);
            context.Features.Set<IExceptionHandlerPathFeature>(failure);
            if (status >= 500)
            {
                Log.PageFailed(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BrowserErrorPages)), ex, TraceId(context));
            }
        }

        await ShowAsync(context, next, status);
    });

    /// <summary>The status and trace id of the failure the error page is showing (null when opened directly).</summary>
    public static (int Status, string TraceId)? Shown(HttpContext context) =>
        context.Items.TryGetValue(StatusItem, out var s) && s is int status ? (status, (string)context.Items[TraceItem]!) : null;

    private static async Task ShowAsync(HttpContext context, RequestDelegate next, int status)
    {
        var trace = TraceId(context);
        // Blazor renders a 4xx/5xx page only for a request it knows is re-executed for an error.
        context.Features.Set<IStatusCodeReExecuteFeature>(new StatusCodeReExecuteFeature
        {
            OriginalPath = context.Request.Path.Value ?? "",
            OriginalPathBase = context.Request.PathBase.Value ?? "",
            OriginalQueryString = context.Request.QueryString.Value,
        });
        context.Response.Clear();
        context.SetEndpoint(null);
        context.Request.RouteValues.Clear();
        context.Features.Set<AuditScope>(null);
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = Path;
        context.Request.QueryString = QueryString.Empty;
        context.Items[StatusItem] = status;
        context.Items[TraceItem] = trace;
        // A fresh scope, as the framework's own error handler makes for Blazor: the failed render's scoped
        // services (navigation, the DbContext) are spent. The page sets the status itself as it renders.
        var original = context.RequestServices;
        await using var scope = original.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        try
        {
            await next(context);
        }
        finally
        {
            context.RequestServices = original;
        }
    }

    private static async Task UnavailableAsync(HttpContext context)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = Data.DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="refresh" content="{{Data.DatabaseOutage.RetryAfterSeconds * 2}}">
            <title>Temporarily unavailable · Speciosa</title></head>
            <body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">
            <main><h1>Speciosa is temporarily unavailable</h1>
            <p>The database cannot be reached just now. Nothing you sent was saved; this page tries again by itself in a few
            seconds. If it goes on, tell your administrator and quote trace id <code>{{TraceId(context)}}</code>.</p></main>
            </body></html>
            """);
    }

    private static string TraceId(HttpContext context) => Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;

    /// <summary>A page request from a browser: not an API, OpenAPI, FHIR or health path, and HTML accepted.</summary>
    public static bool IsBrowser(HttpRequest request) =>
        !(request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi")
            || request.Path.StartsWithSegments("/fhir") || request.Path.StartsWithSegments("/health"))
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1201, Level = LogLevel.Error, Message = "A page request failed (trace {TraceId}).")]
        public static partial void PageFailed(ILogger logger, Exception ex, string traceId);
    }
}
