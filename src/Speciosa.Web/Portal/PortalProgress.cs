using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Portal;
using Speciosa.Clinical.Withdrawal.Instruments;
using Speciosa.Web.Clinics;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Patients;
using Speciosa.Web.Products;
using Speciosa.Web.Regimens;
using Speciosa.Web.Withdrawal;

namespace Speciosa.Web.Portal;

/// <summary>A part another feature adds to "My progress" (e.g. care-plan adherence): a heading and plain-language lines for the
/// patient. Same rules as the page: no rule ids, sources, versions, thresholds, MME or dose limits.</summary>
public sealed record ProgressPart(string Id, string Title, IReadOnlyList<string> Lines);

/// <summary>A feature's part of the patient's "My progress" page (issue 14 item 4). Register with
/// <c>services.AddScoped&lt;IProgressSection, …&gt;()</c>; lower <see cref="Order"/> first (Portal's own parts are 10 and 20).</summary>
public interface IProgressSection
{
    int Order { get; }

    /// <summary>What to show this patient, or null for nothing.</summary>
    Task<ProgressPart?> LoadAsync(Patient patient, CancellationToken ct);
}

public sealed record ProgressScore(DateTimeOffset At, string AtLocal, int Score, bool ByYou);

public sealed record ProgressDose(DateTimeOffset At, string AtLocal, decimal Grams, string Lot);

/// <summary>The expected course in plain words: when symptoms were expected to start, be strongest and ease (clinic days).</summary>
public sealed record ProgressCourse(string Text, DateTimeOffset? PeakFrom, DateTimeOffset? PeakTo);

public sealed record ProgressView(DateTimeOffset From, DateTimeOffset To, int MaxScore, IReadOnlyList<ProgressScore> Scores, ProgressCourse? Course,
    IReadOnlyList<ProgressDose> Doses, IReadOnlyList<ProgressPart> Parts);

/// <summary>"My progress" (issue 14 item 4): the patient's withdrawal scores (SOWS, their own and staff-rated) over the last
/// <see cref="Days"/> days against the expected course of their latest withdrawal episode, and the doses they reported. Patient
/// words only: no band, cut-off, limit, rule, source or version.</summary>
public sealed class PortalProgress(WithdrawalRecords withdrawal, SpeciosaDbContext db, ClinicCalendar calendar, IEnumerable<IProgressSection> sections,
    TimeProvider clock)
{
    public const int Days = 28;

    public async Task<ProgressView> ForAsync(Patient patient, CancellationToken ct = default)
    {
        var zone = await calendar.ZoneAsync(patient.ClinicId, ct);
        var now = clock.GetUtcNow();
        var from = now.AddDays(-Days);
        var instrument = InstrumentCatalog.Default.Get(PortalToday.CheckInInstrument);
        var history = await withdrawal.AssessmentHistoryAsync(patient.Id, instrument.Id, new PageRequest(1, PageRequest.MaxPageSize), ct);
        var scores = history.Items.Where(a => a.AssessedAt >= from).OrderBy(a => a.AssessedAt)
            .Select(a => new ProgressScore(a.AssessedAt, zone.Local(a.AssessedAt), a.Total, a.PatientReported)).ToList();

        ProgressCourse? course = null;
        if ((await withdrawal.EpisodesAsync(patient.Id, ct)).FirstOrDefault() is { } episode)
        {
            string Day(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone.Zone).ToString("d MMMM", System.Globalization.CultureInfo.InvariantCulture);
            var words = new List<string> { $"Your withdrawal started on {Day(episode.StartedAt)}." };
            if (episode.Onset is { } onset)
            {
                words.Add($"Symptoms were expected to begin between {Day(onset.From)} and {Day(onset.To)}.");
            }

            if (episode.Peak is { } peak)
            {
                words.Add($"They were expected to be strongest between {Day(peak.From)} and {Day(peak.To)} (the shaded part of the chart).");
            }

            if (episode.AcuteEnd is { } end)
            {
                words.Add($"For most people the worst has passed by {Day(end.To)}. Some feelings, like poor sleep or craving, can last longer.");
            }

            course = new ProgressCourse(string.Join(" ", words), episode.Peak?.From, episode.Peak?.To);
        }

        var reported = nameof(Speciosa.Clinical.Regimens.DoseSource.PatientReported);
        var doses = await db.Doses.AsNoTracking().Where(d => d.PatientId == patient.Id && d.Source == reported && d.GivenAt >= from)
            .OrderByDescending(d => d.GivenAt).Take(100)
            .GroupJoin(db.Lots, d => d.LotId, l => l.Id, (d, l) => new { d, l })
            .SelectMany(x => x.l.DefaultIfEmpty(), (x, l) => new { x.d.GivenAt, x.d.Grams, Lot = l == null ? null : l.LotCode })
            .ToListAsync(ct);
        var parts = new List<ProgressPart>();
        foreach (var section in sections.OrderBy(s => s.Order))
        {
            if (await section.LoadAsync(patient, ct) is { } part)
            {
                parts.Add(part);
            }
        }

        return new ProgressView(from, now, instrument.Items.Sum(i => i.MaxScore), scores, course,
            doses.OrderByDescending(d => d.GivenAt).Select(d => new ProgressDose(d.GivenAt, zone.Local(d.GivenAt), d.Grams, d.Lot ?? "not known")).ToList(), parts);
    }
}
