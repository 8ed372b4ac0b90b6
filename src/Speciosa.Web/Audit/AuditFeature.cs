using Speciosa.Web.Http;

namespace Speciosa.Web.Audit;

/// <summary>The hash-chained audit trail: every read and write of patient data, its verifier and the admin view.</summary>
public sealed class AuditFeature : IFeature
{
    public void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AuditSeal>();
        services.AddSingleton<AuditAnchors>();
        services.AddHostedService<AuditAnchorService>();
        services.AddScoped<AuditChainVerifier>();
        services.AddScoped<AuditSearch>();
        services.AddScoped<Components.Home.IHomeTile, AuditHomeTile>();
    }

    public void Map(IEndpointRouteBuilder app) => app.MapAuditEndpoints();
}
