using Speciosa.Web.Patients;
using Speciosa.Web.Withdrawal.Pages;

namespace Speciosa.Web.Withdrawal;

/// <summary>The withdrawal picture on the overview: the current episode against its expected course, opioid use with
/// MME, the chart and the latest assessments.</summary>
public sealed class WithdrawalOverviewSection(WithdrawalRecords withdrawal) : IPatientOverviewSection
{
    public int Order => 20;

    public async Task<OverviewSection?> LoadAsync(PatientOverviewContext context, CancellationToken ct)
    {
        var id = context.Patient.Id;
        var (uses, episodes) = await withdrawal.HistoryAndEpisodesAsync(id, ct);
        var assessments = await withdrawal.AssessmentsAsync(id, ct);
        return new(typeof(WithdrawalOverview), new Dictionary<string, object?>
        {
            [nameof(WithdrawalOverview.Context)] = context,
            [nameof(WithdrawalOverview.Uses)] = uses,
            [nameof(WithdrawalOverview.Episodes)] = episodes,
            [nameof(WithdrawalOverview.Assessments)] = assessments,
        });
    }
}
