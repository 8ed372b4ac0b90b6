using Speciosa.Web.Http;

namespace Speciosa.Web.Rounds;

/// <summary>The nurse's round (issue 15 item 2): a list of today's patients (or the nurse's care team) walked patient by
/// patient on one screen — COWS, vital signs, the dose due with today's limits and lot, a note — then the next patient.
/// Every write goes through the owning feature's service (Withdrawal's assessments, Vitals' sets, Regimens' dose log):
/// the same validation, alerts, audit and idempotency as their own pages.</summary>
public sealed class RoundsFeature : IFeature
{
    public void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<RoundLists>();
        services.AddScoped<RoundDue>();
        services.AddScoped<Patients.IPatientListColumn, NextDueColumn>();
        services.AddScoped<Components.Home.IHomeTile, RoundHomeTile>();
    }

    public void Map(IEndpointRouteBuilder app)
    {
    }
}
