using System.Diagnostics;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace Speciosa.Web.Fhir;

/// <summary>How the FHIR endpoints answer: <c>application/fhir+json</c> always, errors as an OperationOutcome (never
/// problem+json, never a stack trace).</summary>
public static class FhirHttp
{
    public const string ContentType = "application/fhir+json; charset=utf-8";
    public const string PathPrefix = "/fhir";

    /// <summary>The one serialiser (strict: it refuses to write what is not valid R4 structure).</summary>
    public static readonly IFhirSerializationEngine Engine = FhirSerializationEngineFactory.Strict(ModelInfo.ModelInspector);

    public static IResult Resource(Resource resource, int status = StatusCodes.Status200OK) => new FhirResult(resource, status);

    public static IResult Outcome(int status, string diagnostics, OperationOutcome.IssueType? code = null) =>
        new FhirResult(OutcomeOf(status, diagnostics, code, null), status);

    public static OperationOutcome OutcomeOf(int status, string diagnostics, OperationOutcome.IssueType? code, string? traceId) => new()
    {
        Issue =
        [
            new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = code ?? IssueTypeOf(status),
                Diagnostics = traceId is null ? diagnostics : diagnostics + " Trace id: " + traceId,
            },
        ],
    };

    public static OperationOutcome.IssueType IssueTypeOf(int status) => status switch
    {
        400 => OperationOutcome.IssueType.Invalid,
        401 => OperationOutcome.IssueType.Login,
        403 => OperationOutcome.IssueType.Forbidden,
        404 => OperationOutcome.IssueType.NotFound,
        405 or 406 or 415 => OperationOutcome.IssueType.NotSupported,
        409 => OperationOutcome.IssueType.Conflict,
        413 => OperationOutcome.IssueType.TooCostly,
        429 => OperationOutcome.IssueType.Throttled,
        503 => OperationOutcome.IssueType.Transient,
        _ => OperationOutcome.IssueType.Exception,
    };

    public static bool IsFhir(HttpRequest request) => request.Path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The server's base as the client addressed it (after the trusted-proxy rules of Http/BehindProxy; the
    /// host is one of AllowedHosts).</summary>
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{PathPrefix}";

    private sealed class FhirResult(Resource resource, int status) : IResult
    {
        public async System.Threading.Tasks.Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            http.Response.ContentType = ContentType;
            await http.Response.WriteAsync(Engine.SerializeToJson(resource), http.RequestAborted);
        }
    }
}

/// <summary>Every error the pipeline writes for a <c>/fhir</c> request (401, 403, 404 of an unknown route, 405, 429, 500
/// from the exception handler, 503) goes through the problem-details service; for FHIR it is written as an
/// OperationOutcome instead. Registered before the default writer.</summary>
public sealed class FhirOutcomeWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => FhirHttp.IsFhir(context.HttpContext.Request);

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        var status = problem.Status ?? http.Response.StatusCode;
        var words = status >= 500 && status != 503
            ? "An unexpected error occurred. Quote the trace id when reporting it."
            : problem.Detail ?? problem.Title ?? Http.ProblemResponses.TitleFor(status);
        if (problem is HttpValidationProblemDetails validation && validation.Errors.Count > 0)
        {
            words = string.Join(" ", validation.Errors.Select(e => e.Key + ": " + string.Join(" ", e.Value)));
        }

        var traceId = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
        http.Response.StatusCode = status;
        http.Response.ContentType = FhirHttp.ContentType;
        await http.Response.WriteAsync(FhirHttp.Engine.SerializeToJson(FhirHttp.OutcomeOf(status, words, null, traceId)), http.RequestAborted);
    }
}
