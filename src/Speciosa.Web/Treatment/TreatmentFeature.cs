using Speciosa.Web.Alerts;
using Speciosa.Web.Http;
using Speciosa.Web.Patients;
using Speciosa.Web.Regimens;

namespace Speciosa.Web.Treatment;

/// <summary>Treatment options (medication for opioid use disorder offered and discussed, decision, referral), overdose prevention
/// (naloxone, training, fentanyl test strips, loss-of-tolerance warnings, patient education) and follow-up after the taper.
/// Depends on Regimens through its seams (<see cref="RegimenQueries"/>, <see cref="IRegimenStatus"/>) and reacts to it through
/// <see cref="IRegimenChangedHandler"/>.</summary>
public sealed class TreatmentFeature : IFeature
{
    public void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TreatmentOptions>(configuration.GetSection(TreatmentOptions.Section));
        services.AddScoped<TreatmentRecords>();
        services.AddScoped<ISafetyReview>(sp => sp.GetRequiredService<TreatmentRecords>());
        services.AddScoped<IRegimenChangedHandler>(sp => sp.GetRequiredService<TreatmentRecords>());
        services.AddScoped<IPatientOverviewSection, TreatmentOverviewSection>();
    }

    public void Map(IEndpointRouteBuilder app) => app.MapTreatmentEndpoints();
}
