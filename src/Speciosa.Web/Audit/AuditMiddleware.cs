using System.Diagnostics;
using Speciosa.Web.Identity;

namespace Speciosa.Web.Audit;

/// <summary>Writes one audit entry for every request to an endpoint marked <see cref="AuditedAttribute"/>,
/// once the response is decided and before it starts, so denied (401/403) and failed requests are audited too and no
/// response leaves before its entry is committed. Runs between
/// authentication and authorization.</summary>
public sealed class AuditMiddleware(RequestDelegate next, AuditTrail trail, ILogger<AuditMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var audited = context.GetEndpoint()?.Metadata.GetMetadata<AuditedAttribute>();
        if (audited is null)
        {
            await next(context);
            return;
        }

        var scope = context.Audit();
        scope.Build = outcome => RecordOf(context, audited, scope, outcome);
        var written = false;
        async Task WriteOnceAsync(string outcome)
        {
            if (written)
            {
                return;
            }

            written = true;
            scope.Build = null;
            var record = RecordOf(context, audited, scope, outcome);
            try
            {
                // A write's entry committed with its data; anything else (reads, refusals, failures) is appended now.
                if (!await trail.CommittedWithDataAsync(scope, CancellationToken.None))
                {
                    await trail.AppendAsync(record, CancellationToken.None);
                }
            }
            catch (Exception ex)
            {
                // Never swallow silently: an unaudited access is a security event of its own.
                Log.AuditWriteFailed(logger, ex, record.Action, record.CorrelationId);
                throw;
            }
        }

        // The entry is committed before the first byte of the response leaves: a client never holds a file or a page
        // whose reading is not yet in the audit log (a body with a Content-Length is complete for the client before the
        // pipeline returns here).
        context.Response.OnStarting(() => WriteOnceAsync(scope.Outcome ?? AuditOutcome.FromStatus(context.Response.StatusCode)));
        string? thrown = null;
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException)
        {
            thrown = AuditOutcome.Rejected;
            throw;
        }
        catch
        {
            thrown = AuditOutcome.Error;
            throw;
        }
        finally
        {
            // Responses not started yet (no body, or a failure the error handler answers after this): written now.
            await WriteOnceAsync(thrown ?? scope.Outcome ?? AuditOutcome.FromStatus(context.Response.StatusCode));
        }
    }

    private static AuditRecord RecordOf(HttpContext context, AuditedAttribute audited, AuditScope scope, string outcome) => new(
        Action: scope.Action ?? audited.Action,
        ResourceType: audited.ResourceType,
        Outcome: outcome,
        CorrelationId: CorrelationId(context),
        UserId: scope.UserId ?? context.User.UserId(),
        ClinicId: scope.ClinicId ?? context.User.ClinicIdOf(),
        ResourceId: scope.ResourceId ?? RouteId(context),
        PatientId: scope.PatientId ?? RoutePatientId(context),
        PatientsShown: scope.PatientsShown);

    public static string CorrelationId(HttpContext context) =>
        Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;

    private static Guid? RoutePatientId(HttpContext context) =>
        context.Request.RouteValues.TryGetValue("patientId", out var id) && Guid.TryParse(Convert.ToString(id, System.Globalization.CultureInfo.InvariantCulture), out var g) ? g : null;

    private static string? RouteId(HttpContext context) =>
        context.Request.RouteValues.TryGetValue("id", out var id) ? Convert.ToString(id, System.Globalization.CultureInfo.InvariantCulture) : null;
}

internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Audit entry for action {Action} could not be written (correlation {CorrelationId}).")]
    public static partial void AuditWriteFailed(ILogger logger, Exception ex, string action, string correlationId);
}
