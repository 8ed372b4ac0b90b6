using Speciosa.Clinical.CarePlans;
using Speciosa.Web.CarePlans.Pages;
using Speciosa.Web.Documents;
using Speciosa.Web.Patients;

namespace Speciosa.Web.CarePlans;

/// <summary>The care plan on the overview (care staff), beside the regimen's doses (10) and the withdrawal scores (20):
/// each activity with its adherence this week and last week.</summary>
public sealed class CarePlanOverviewSection(CarePlanRecords plans) : IPatientOverviewSection
{
    public int Order => 15;

    public async Task<OverviewSection?> LoadAsync(PatientOverviewContext context, CancellationToken ct)
    {
        if (!context.Staff)
        {
            return null;
        }

        var view = await plans.ViewAsync(context.Patient, staff: true, ct);
        return new(typeof(CarePlanSection), new Dictionary<string, object?>
        {
            [nameof(CarePlanSection.PatientId)] = context.Patient.Id,
            [nameof(CarePlanSection.Plan)] = view,
        });
    }
}

/// <summary>The care plan in the printed patient summary: the activities of the current version and adherence per week.</summary>
public sealed class CarePlanSummarySection(CarePlanRecords plans) : IPatientSummarySection
{
    public int Order => 15;

    public async Task<IReadOnlyList<DocBlock>> LoadAsync(PatientSummaryContext context, CancellationToken ct)
    {
        var view = await plans.ViewAsync(context.Patient, staff: true, ct);
        if (view.Version is null)
        {
            return [new DocHeading("Care plan"), new DocText("No care plan recorded.")];
        }

        var latest = view.History[0];
        return
        [
            new DocHeading("Care plan"),
            new DocText($"Version {view.Version}, made {context.Zone.Labelled(latest.ChangedAt)} by {latest.ChangedBy}: {latest.Reason}"),
            new DocTable(["Activity", "Kind", "When", "Goal"],
                view.Activities.Select(a => (IReadOnlyList<string>)[a.Title, a.KindName, a.ScheduleInWords, a.Goal]).ToList(),
                [2, 1.3, 2.2, 3], "No activities in the current version."),
            new DocTable(["Week from", "Activity", "Adherence"],
                view.Adherence.SelectMany(w => w.Activities.Select(a => (IReadOnlyList<string>)[w.WeekStart.ToString("yyyy-MM-dd"), a.Title, a.Figure.InWords])
                    .Append([w.WeekStart.ToString("yyyy-MM-dd"), "Whole plan", w.Overall.InWords])).ToList(),
                [1.3, 2.5, 2.5], "No weeks yet."),
            new DocText("Adherence: occurrences whose time has come in the clinic's time zone, done by the patient or attended, of those due; " +
                "'not applicable' when nothing was due.", DocTextStyle.Small),
        ];
    }
}
