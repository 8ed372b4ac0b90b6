using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.CarePlans;
using Speciosa.Web.CarePlans.Pages;
using Speciosa.Web.Documents;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;
using Speciosa.Web.Portal;

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

/// <summary>Activities the patient marked done, in the staff review queue (issue 14 item 7: "activity notes"): how it went and
/// their note, for staff to accept, comment on or follow up.</summary>
public sealed class CarePlanActivityReports(SpeciosaDbContext db) : IReviewQueueSource
{
    public string Kind => "activity";
    public string Title => "Care-plan activity done";

    public async Task<(int Total, IReadOnlyList<ReportedItem> Newest)> ReportedAsync(ReviewQueueQuery query, CancellationToken ct)
    {
        var rows = query.Apply(db.CarePlanActivityRecords.AsNoTracking().Where(r => r.PatientReported), r => r.Id, r => r.PatientId);
        var total = await rows.CountAsync(ct);
        var newest = await rows.OrderByDescending(r => r.RecordedAt).Take(query.Take)
            .Select(r => new { r.Id, r.PatientId, r.RecordedAt, r.Day, r.Time, r.Rating, r.Note }).ToListAsync(ct);
        return (total, newest.Select(r => new ReportedItem(r.Id, r.PatientId, r.RecordedAt,
            string.Create(CultureInfo.InvariantCulture, $"Activity of {r.Day:yyyy-MM-dd} {r.Time} marked done")
                + (r.Rating is { } rating ? string.Create(CultureInfo.InvariantCulture, $", how it went {rating} of 5") : "")
                + (string.IsNullOrWhiteSpace(r.Note) ? "." : $". “{r.Note}”"),
            $"/patients/{r.PatientId}/care-plan")).ToList());
    }
}

/// <summary>The patient's own care-plan adherence on "My progress" (issue 14 item 4): each activity this week and last, in
/// plain words.</summary>
public sealed class CarePlanProgressSection(CarePlanRecords plans) : IProgressSection
{
    public int Order => 30;

    public async Task<ProgressPart?> LoadAsync(Patient patient, CancellationToken ct)
    {
        var view = await plans.ViewAsync(patient, staff: false, ct);
        if (view.Version is null)
        {
            return null;
        }

        var lines = view.Adherence.OrderByDescending(w => w.WeekStart).Take(2)
            .SelectMany(w => w.Activities.Select(a => string.Create(CultureInfo.InvariantCulture,
                $"{(w.WeekStart <= view.Today && view.Today < w.WeekStart.AddDays(7) ? "This week" : $"Week from {w.WeekStart:d MMMM}")}, {a.Title}: {a.Figure.InWords}")))
            .ToList();
        return new ProgressPart("care-plan", "Your care plan", lines.Count > 0 ? lines : ["Nothing was due yet."]);
    }
}
