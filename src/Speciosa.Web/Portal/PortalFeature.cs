using Speciosa.Clinical.Portal;
using Speciosa.Web.Http;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Portal;

/// <summary>The patient's side (issue 14): invitations and consent (getting in), and "Today". Reads Withdrawal's assessments
/// and Regimens' doses through their seams, so it comes before both; nothing depends on it.</summary>
public sealed class PortalFeature : IFeature
{
    public void Add(IServiceCollection services, IConfiguration configuration)
    {
        var (lifetime, error) = PortalInvitationRules.Lifetime(configuration.GetValue<double?>("Portal:InvitationHours"));
        if (error is not null)
        {
            throw new InvalidOperationException(error);
        }

        services.AddSingleton(new PortalSettings(lifetime));
        services.AddScoped<PortalAccess>();
        services.AddScoped<PortalToday>();
        services.AddScoped<PortalCheckIn>();
        services.AddScoped<IPatientOverviewSection, PortalOverviewSection>();
        services.AddScoped<PortalReports>();
        services.AddScoped<PortalProgress>();
        services.AddScoped<ReviewQueue>();
        services.AddScoped<IReviewQueueSource, CheckInReports>();
        services.AddScoped<IReviewQueueSource, DoseReports>();
        services.AddScoped<IReviewQueueSource, SideEffectReports>();
        services.AddScoped<Components.Home.IHomeTile, ReviewQueueHomeTile>();
    }

    public void Map(IEndpointRouteBuilder app) => app.MapPortalEndpoints();
}
