using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Speciosa.Testing;
using Speciosa.Web.Http;
using Xunit;

namespace Speciosa.Web.Tests.Http;

/// <summary>Deny by default, audit by default: every endpoint the app maps is walked.</summary>
public sealed class EndpointInventoryTests(DemoServer demo) : IClassFixture<DemoServer>
{
    /// <summary>The only routes open without sign-in (besides health probes and static files).</summary>
    private static readonly HashSet<string> AnonymousAllowList = new(StringComparer.Ordinal)
    {
        "/api/auth/sign-in",
        "/account/sign-in",
        // The second step of a password sign-in: the password was given; a short-lived encrypted cookie names the account.
        "/account/sign-in/code",
        "/setup",
        // A password reset link's owner is signed out by definition; the link's one-time token is the credential.
        "/api/auth/password-reset",
        "/account/reset-password",
        // The error page: shows only the status and a trace id, and must show to a signed-out browser too.
        "/error",
        // The FHIR CapabilityStatement: the types and searches the server answers, no data; FHIR clients read it before
        // they sign in (R4 http.html#capabilities). Everything else under /fhir needs care staff.
        "/fhir/metadata",
        // A patient accepting a portal invitation has no account yet; the invitation's one-time, expiring token is the
        // credential (issue 14), and the sign-in rate limit applies.
        "/api/portal/accept",
        "/portal/accept",
    };

    private List<RouteEndpoint> Endpoints() =>
        demo.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    // Health probes, static files, the static-asset fallback that answers 404 for a missing file, and
    // Blazor's opaque-redirect endpoint (enhanced navigation only; it still needs a signed-in user).
    private static bool IsInfrastructure(RouteEndpoint e) =>
        e.Metadata.GetMetadata<HealthEndpointMarker>() is not null
        || e.Metadata.GetMetadata<StaticFileMarker>() is not null
        || (e.Metadata.Any(m => m.GetType().Name == "FallbackMetadata") && e.RoutePattern.RawText == "{**path:file}")
        || e.RoutePattern.RawText == "/_framework/opaque-redirect";

    private static string Route(RouteEndpoint e) => "/" + e.RoutePattern.RawText?.TrimStart('/');

    [Fact]
    public void No_endpoint_allows_anonymous_access_outside_the_allow_list()
    {
        var open = Endpoints()
            .Where(e => !IsInfrastructure(e))
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(Route)
            .Where(r => !AnonymousAllowList.Contains(r))
            .ToList();
        Assert.Empty(open);
    }

    /// <summary>Creating writes to a patient's record that still take no Idempotency-Key, each with why.</summary>
    private static readonly HashSet<string> NotIdempotentCreates = new(StringComparer.Ordinal)
    {
        // A regimen (or an amendment) commits with its safety alerts in a transaction of its own; a retry of an
        // amendment is caught by the concurrency stamp, a retried first order by the overlap check.
        "/api/patients/{patientId:guid}/regimens",
        // An invitation's answer carries its one-time token, which is stored nowhere but hashed: a stored replay would keep
        // the secret in the idempotency table. A repeated post makes a new invitation and revokes the earlier one.
        "/api/patients/{patientId:guid}/portal/invitations",
    };

    [Fact]
    public void Every_api_write_that_creates_a_patient_record_accepts_an_idempotency_key()
    {
        var creates = Endpoints()
            .Where(e => Route(e).StartsWith("/api/patients", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Where(e => e.Metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>().Any(p => p.StatusCode == 201))
            .ToList();

        Assert.True(creates.Count >= 15, $"only {creates.Count} creating endpoints found");
        var withoutKey = creates.Where(e => e.Metadata.GetMetadata<IdempotentEndpoint>() is null).Select(Route)
            .Where(r => !NotIdempotentCreates.Contains(r)).ToList();
        Assert.Empty(withoutKey);
    }

    [Fact]
    public void Every_endpoint_has_an_audit_action()
    {
        var unaudited = Endpoints()
            .Where(e => !IsInfrastructure(e))
            .Where(e => e.Metadata.GetMetadata<AuditedAttribute>() is null)
            .Select(e => $"{Route(e)} ({e.DisplayName})")
            .ToList();
        Assert.Empty(unaudited);
    }

    [Fact]
    public void The_inventory_sees_the_api_and_the_pages()
    {
        var routes = Endpoints().Select(Route).ToList();
        Assert.Contains("/api/audit/verify", routes);
        Assert.Contains("/account/sign-in", routes);
        Assert.Contains("/", routes);
        Assert.Contains(Endpoints(), IsInfrastructure);
    }

    [Fact]
    public void Admin_endpoints_require_the_admin_role()
    {
        var adminRoutes = Endpoints().Where(e => Route(e).StartsWith("/api/admin", StringComparison.Ordinal) || Route(e) == "/api/audit/verify").ToList();
        Assert.NotEmpty(adminRoutes);
        Assert.All(adminRoutes, e => Assert.Contains(e.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy == "Admin"));
    }
}
