using Speciosa.Web.Alerts;
using Speciosa.Web.Http;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Withdrawal;

/// <summary>Opioid history, withdrawal episodes with their expected course, and assessments (COWS, SOWS, …).</summary>
public sealed class WithdrawalFeature : IFeature
{
    public void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<WithdrawalRecords>();
        services.AddScoped<PulseReadings>();
        services.AddScoped<MissingCheckIns>();
        services.AddScoped<ISafetyReview, WithdrawalCourseReview>();
        services.AddScoped<IPatientOverviewSection, WithdrawalOverviewSection>();
        services.AddScoped<IPatientBannerFact, LastCowsBannerFact>();
        services.AddScoped<IPatientSummarySection, WithdrawalSummarySection>();
        services.AddScoped<IPatientListColumn, EpisodeDayColumn>();
        services.AddScoped<IPatientListColumn, LastScoreColumn>();
    }

    public void Map(IEndpointRouteBuilder app) => app.MapWithdrawalEndpoints();
}
