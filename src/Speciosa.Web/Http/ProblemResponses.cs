using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Speciosa.Web.Http;

/// <summary>RFC 9457 problem details for every error: validation (field-keyed), 401/403/404/405/409/429
/// and 500 with a trace id only. Never a stack trace, never patient data.</summary>
public static class ProblemResponses
{
    public static IServiceCollection AddSpeciosaProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? ctx.HttpContext.TraceIdentifier;
            ctx.ProblemDetails.Instance ??= InstanceOf(ctx.HttpContext);
            if (ctx.ProblemDetails.Status >= 500 && ctx.ProblemDetails.Status != 503)
            {
                ctx.ProblemDetails.Detail = "An unexpected error occurred. Quote the trace id when reporting it.";
            }
        });

    /// <summary>Exception handler and status-code pages that write problem+json whether or not the
    /// client asked for JSON (a browser's HTML Accept header included).</summary>
    public static IApplicationBuilder UseSpeciosaProblemDetails(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = StatusFor,
            ExceptionHandler = async context =>
            {
                var status = context.Response.StatusCode;
                var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                if (status == 503)
                {
                    context.Response.Headers.RetryAfter = Data.DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    await WriteAsync(context, status, "The database cannot be reached just now; nothing was changed. Try again shortly.");
                    return;
                }

                if (status == 400 && error is not null && StrictJson.Describe(error) is { } field)
                {
                    // A body that cannot be read names the field at fault, like every other 400.
                    await Invalid(field.Field, field.Message).ExecuteAsync(context);
                    return;
                }

                if (status == 400)
                {
                    // No JSON field to blame: the parameter that could not be bound (a query value), else the body as a whole.
                    var (name, message) = Parameter(error);
                    await Invalid(name, message).ExecuteAsync(context);
                    return;
                }

                await WriteAsync(context, status, null);
            },
        });
        app.UseStatusCodePages(async ctx =>
        {
            var response = ctx.HttpContext.Response;
            if (response.HasStarted || response.ContentLength > 0 || !string.IsNullOrEmpty(response.ContentType))
            {
                return;
            }

            await WriteAsync(ctx.HttpContext, response.StatusCode, null);
        });
        return app;
    }

    /// <summary>The status for a request that threw: the request's own 4xx, 503 when the database cannot be reached,
    /// else 500.</summary>
    public static int StatusFor(Exception error) => error switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        _ when Data.DatabaseOutage.Is(error) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The request part a binding failure is about, from ASP.NET Core's words ("Failed to bind parameter \"PhotoKind
    /// kind\" from …"): a route or query parameter by its name, anything about the body as "body".</summary>
    private static (string Field, string Message) Parameter(Exception? error)
    {
        var text = error?.Message ?? "";
        var match = System.Text.RegularExpressions.Regex.Match(text, "parameter \"[^\" ]+ (?<name>[A-Za-z0-9_]+)\"");
        return match.Success && !text.Contains("body", StringComparison.OrdinalIgnoreCase)
            ? (match.Groups["name"].Value, "This value is not of the expected kind or is missing.")
            : ("body", "Send the request's fields as one JSON object of the documented shape.");
    }

    public static async Task WriteAsync(HttpContext context, int status, string? detail)
    {
        var writer = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        context.Response.StatusCode = status;
        var problem = new ProblemDetails
        {
            Status = status,
            Title = TitleFor(status),
            Detail = detail,
            Type = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
            Instance = InstanceOf(context),
        };
        problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        if (status >= 500 && status != 503)
        {
            problem.Detail = "An unexpected error occurred. Quote the trace id when reporting it.";
        }

        // Write JSON regardless of Accept: a problem is always machine-readable.
        var written = await writer.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
        if (!written)
        {
            context.Response.ContentType = "application/problem+json";
            await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
        }
    }

    /// <summary>A problem's <c>instance</c>: the route template the request matched, e.g. <c>/api/patients/{patientId}/doses</c>,
    /// never the path or query string asked for (they may hold a patient's id, issue 14); none when no route matched.</summary>
    public static string? InstanceOf(HttpContext context)
    {
        var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        return endpoint is RouteEndpoint { RoutePattern: var pattern }
            ? "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
                _ => "",
            }))))
            : null;
    }

    public static string TitleFor(int status) => status switch
    {
        400 => "The request is not valid.",
        401 => "Sign-in required.",
        403 => "You are not allowed to do this.",
        404 => "Not found.",
        405 => "This method is not allowed here.",
        409 => "The request conflicts with the current state.",
        413 => "The request is too large.",
        415 => "This content type is not supported.",
        429 => "Too many requests. Try again later.",
        503 => "Temporarily unavailable. Try again shortly.",
        >= 500 => "Something went wrong on our side.",
        _ => "The request failed.",
    };

    /// <summary>A 409 for a write made against a record that changed since the client read it (one type for
    /// every edit, whatever the record).</summary>
    public static ProblemHttpResult StaleWrite(string? detail = null) =>
        TypedResults.Problem(detail: detail ?? "The record changed since you read it; reload it and decide again.",
            statusCode: StatusCodes.Status409Conflict, title: "The record changed since you read it.", type: ProblemTypes.StaleWrite);

    /// <summary>A 400 naming the missing concurrency stamp: every edit must say which version it was made against.</summary>
    public static ValidationProblem StampRequired() =>
        Invalid("concurrencyStamp", "Send the concurrencyStamp of the record as you read it, so a change made since is not overwritten.");

    /// <summary>A 400 with errors keyed by field, each saying what is allowed.</summary>
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
            title: TitleFor(400));

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: TitleFor(400));

    public static ProblemHttpResult Problem(int status, string? detail = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: TitleFor(status));
}

/// <summary>Problem <c>type</c> identifiers that let a client tell apart the refusals it may act on (RFC 9457 §3.1.1).
/// They are URNs: names, not links.</summary>
public static class ProblemTypes
{
    /// <summary>409: the record changed since the client read it (send the new concurrencyStamp after re-reading).</summary>
    public const string StaleWrite = "urn:speciosa:problem:stale-write";

    /// <summary>422: the law where the patient lives refuses this supply; <c>reasons</c> carry the sources.</summary>
    public const string LegalRefusal = "urn:speciosa:problem:legal-refusal";

    /// <summary>409: legal warnings apply; repeat with <c>confirmLegalWarning: true</c> once the clinician has read them.</summary>
    public const string LegalConfirmationNeeded = "urn:speciosa:problem:legal-confirmation-needed";

    /// <summary>409: a staff dose outside the order; nothing was recorded; <c>reasons</c> say which limit.</summary>
    public const string DoseOutsideOrder = "urn:speciosa:problem:dose-outside-order";

    /// <summary>409: the lot's certificate does not pass the clinic's standards; <c>reasons</c> name each finding.</summary>
    public const string LotNotReleasable = "urn:speciosa:problem:lot-not-releasable";

    /// <summary>409: a patient with the same name and date of birth is already in the clinic; send confirmDuplicate: true to enrol anyway.</summary>
    public const string PossibleDuplicate = "urn:speciosa:problem:possible-duplicate";

    /// <summary>403: a change that needs a second person's approval (four eyes) was approved by the person who proposed it.</summary>
    public const string SecondApprovalNeeded = "urn:speciosa:problem:second-approval-needed";
}
