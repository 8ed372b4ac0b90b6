using System.Globalization;
using System.Text.Json;
using Speciosa.Clinical.Withdrawal;
using Speciosa.Clinical.Withdrawal.Course;
using Speciosa.Clinical.Withdrawal.Instruments;
using Speciosa.Web.Alerts;
using Speciosa.Web.Data;
using Speciosa.Web.Withdrawal;
using Speciosa.Web.Patients;
using Speciosa.Web.Products;
using Speciosa.Web.Regimens;

namespace Speciosa.Web.Demo;

/// <summary>Made-up demo patients (obviously fictional names) with opioid history, an episode and a few assessments,
/// scored by the clinical core like any other. The first is linked to the demo.patient portal account.</summary>
public static class DemoPatients
{
    private sealed record Demo(string Given, string Family, string Dob, string Sex, string Substance, decimal Amount, string Unit,
        string Release, string Route, int LastUseHoursAgo, (int HoursAfterLastUse, int[] Cows)[] Assessments);

    private static readonly Demo[] People =
    [
        new("Morgan", "Testwell (demo)", "1988-03-14", "female", "heroin", 400m, "mg/day", "immediate", "intravenous", 60,
            [(10, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]), (30, [2, 2, 3, 2, 2, 2, 2, 2, 2, 2, 3]), (50, [2, 3, 3, 2, 2, 2, 3, 2, 2, 2, 3])]),
        new("Jordan", "Sampleton (demo)", "1979-11-02", "male", "oxycodone", 60m, "mg/day", "extended", "oral", 40,
            [(20, [1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0]), (36, [1, 2, 1, 2, 1, 1, 2, 1, 1, 1, 0])]),
        new("Avery", "Placeholder (demo)", "1993-07-21", "nonbinary-unknown", "methadone", 40m, "mg/day", "immediate", "oral", 100,
            [(48, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0])]),
    ];

    public static async Task SeedAsync(SpeciosaDbContext db, Guid clinicId, Guid clinicianId, Guid nurseId, Guid portalUserId,
        DateTimeOffset now, CancellationToken ct)
    {
        var cows = InstrumentCatalog.Default.Get(InstrumentCatalog.CowsId);
        var first = true;
        foreach (var d in People)
        {
            var patient = new Patient
            {
                Id = Guid.NewGuid(), ClinicId = clinicId, GivenName = d.Given, FamilyName = d.Family,
                SearchName = Patient.SearchNameOf(d.Given, d.Family), DateOfBirth = DateOnly.Parse(d.Dob, CultureInfo.InvariantCulture),
                Sex = d.Sex == "nonbinary-unknown" ? "unknown" : d.Sex, CountryCode = "US", SubdivisionCode = "US-TN",
                Status = PatientVocabulary.Active, CreatedAt = now, UpdatedAt = now, ConcurrencyStamp = Guid.NewGuid(),
                PortalUserId = first ? portalUserId : null,
                CareTeam = [new CareTeamMember { UserId = clinicianId }, new CareTeamMember { UserId = nurseId }],
            };
            first = false;
            var lastUse = now.AddHours(-d.LastUseHoursAgo);
            var use = new OpioidUse
            {
                Id = Guid.NewGuid(), PatientId = patient.Id, SubstanceId = d.Substance, AmountPerDay = d.Amount, Unit = d.Unit,
                Release = d.Release, Route = d.Route, DurationDays = 540, LastUseAt = lastUse, RecordedAt = now, RecordedByUserId = clinicianId,
            };
            var match = WithdrawalCourseCatalog.Default.ClassFor(d.Substance, Enum.Parse<OpioidRelease>(d.Release, ignoreCase: true));
            var episode = new WithdrawalEpisode
            {
                Id = Guid.NewGuid(), PatientId = patient.Id, OpioidUseId = use.Id, StartedAt = lastUse, CourseClassId = match?.Class.Id,
                CourseVersion = WithdrawalCourseCatalog.Default.Version, CreatedAt = now, CreatedByUserId = clinicianId,
            };
            db.AddRange(patient, use, episode);
            var course = WithdrawalRecords.CourseOf(episode, use);
            foreach (var (hours, items) in d.Assessments)
            {
                var answers = items.Select((score, i) => (Item: i + 1, Score: score)).ToDictionary(x => x.Item, x => x.Score);
                var outcome = InstrumentScorer.Score(cows, answers);
                var score = outcome.Score ?? throw new InvalidOperationException("Demo COWS answers must be valid.");
                var at = lastUse.AddHours(hours);
                db.Assessments.Add(new Assessment
                {
                    Id = Guid.NewGuid(), PatientId = patient.Id, EpisodeId = episode.Id, InstrumentId = score.InstrumentId,
                    InstrumentVersion = score.InstrumentVersion,
                    AnswersJson = JsonSerializer.Serialize(score.Answers.ToDictionary(a => a.Key.ToString(CultureInfo.InvariantCulture), a => a.Value)),
                    Total = score.Total, Band = score.BandLabel, AssessedAt = at, RecordedAt = at, RatedByUserId = nurseId,
                });
                await AlertBook.AddNewAsync(db, patient, WithdrawalAlerts.Evaluate($"episode/{episode.Id}", score, at, course), at, ct);
            }

            await db.SaveChangesAsync(ct);
        }
    }
}
