using Speciosa.Clinical.Portal;
using Speciosa.Web.Clinics;
using Speciosa.Web.Patients;
using Speciosa.Web.Portal;

namespace Speciosa.Web.CarePlans;

/// <summary>The care plan's activities on the patient's Today: one line per activity and time due that day, linking to the
/// page where the patient marks it done (<c>/my/activities/{activityId}?day=&amp;time=</c>: record ids only).</summary>
public sealed class CarePlanTodayItems(CarePlanRecords plans) : ITodayItems
{
    public int Order => 10;

    public static string DonePath(Guid activityId, DateOnly day, string time) =>
        $"/my/activities/{activityId}?day={day:yyyy-MM-dd}&time={time}";

    public async Task<IReadOnlyList<TodayLine>> ForAsync(Patient patient, ClinicZone zone, DateOnly day, CancellationToken ct) =>
        (await plans.DueOnAsync(patient, zone, day, ct)).Select(d =>
        {
            var time = CarePlanRecords.Hm(d.Occurrence.Time);
            var a = d.Occurrence.Activity;
            var status = d.Done ? "Done today"
                : d.Record is { Outcome: Clinical.CarePlans.OccurrenceOutcome.Missed } ? "Marked missed by your clinic"
                : $"Due at {time}";
            return new TodayLine(TodayKind.Activity, $"{a.Title} ({time})", DonePath(a.Id, day, time), d.Done, status,
                $"activity-{a.Id:N}-{time.Replace(":", "", StringComparison.Ordinal)}");
        }).ToList();
}
