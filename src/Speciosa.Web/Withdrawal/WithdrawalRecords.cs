using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Withdrawal;
using Speciosa.Clinical.Withdrawal.Course;
using Speciosa.Clinical.Withdrawal.Instruments;
using Speciosa.Clinical.Withdrawal.Opioids;
using Speciosa.Web.Alerts;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Withdrawal;

/// <summary>Opioid history, withdrawal episodes and assessments of one patient. Scoring, MME and the expected course
/// are decided by the clinical core; this class validates input, stores, and raises alerts in the same SaveChanges.</summary>
public sealed class WithdrawalRecords(SpeciosaDbContext db, TimeProvider clock, IEnumerable<IAssessmentRecordedHandler> handlers)
{
    private static readonly string[] Releases = ["immediate", "extended"];

    // ---- opioid use ----

    public async Task<(OpioidUse? Use, Dictionary<string, string[]> Errors)> RecordOpioidUseAsync(
        Patient patient, OpioidUseRequest r, Guid userId, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var now = clock.GetUtcNow();
        var substance = r.SubstanceId is null ? null : OpioidSubstanceCatalog.Default.Find(r.SubstanceId);
        if (substance is null)
        {
            errors["substanceId"] = [$"Allowed: {string.Join(", ", OpioidSubstanceCatalog.Default.Substances.Select(s => s.Id))}."];
        }

        var unit = r.Unit ?? (substance is null ? null : DoseUnitText.Of(substance.Unit));
        if (substance is not null && unit != DoseUnitText.Of(substance.Unit))
        {
            errors["unit"] = [$"{substance.Name} is entered in {DoseUnitText.Of(substance.Unit)}."];
        }

        if (r.AmountPerDay is not { } amount || amount <= 0 || amount > 100_000)
        {
            errors["amountPerDay"] = ["An amount above zero (at most 100000)."];
        }

        var release = r.Release ?? "immediate";
        if (!Releases.Contains(release))
        {
            errors["release"] = [$"Allowed: {string.Join(", ", Releases)}."];
        }

        if (r.Route is null || !PatientVocabulary.Routes.Contains(r.Route))
        {
            errors["route"] = [$"Allowed: {string.Join(", ", PatientVocabulary.Routes)}."];
        }

        if (r.DurationDays is < 0 or > 36_500)
        {
            errors["durationDays"] = ["Whole days from 0 to 36500."];
        }

        if (r.LastUseAt is not { } lastUse)
        {
            errors["lastUseAt"] = ["The time of last use is required (ISO 8601 with offset)."];
        }
        else if (RecordedTime.ProblemIfInFuture("lastUseAt", lastUse, now) is { } future)
        {
            errors["lastUseAt"] = [future];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var use = new OpioidUse
        {
            Id = Guid.NewGuid(), PatientId = patient.Id, SubstanceId = substance!.Id, AmountPerDay = r.AmountPerDay!.Value,
            Unit = unit!, Release = release, Route = r.Route!, DurationDays = r.DurationDays,
            LastUseAt = r.LastUseAt!.Value.ToUniversalTime(), RecordedAt = now, RecordedByUserId = userId,
        };
        db.OpioidUses.Add(use);
        await db.SaveChangesAsync(ct);
        return (use, errors);
    }

    public async Task<IReadOnlyList<OpioidUseView>> OpioidHistoryAsync(Guid patientId, CancellationToken ct = default) =>
        (await db.OpioidUses.AsNoTracking().Where(u => u.PatientId == patientId).ToListAsync(ct))
            .OrderByDescending(u => u.LastUseAt).Select(ViewOf).ToList();

    public static OpioidUseView ViewOf(OpioidUse u)
    {
        var substance = OpioidSubstanceCatalog.Default.Find(u.SubstanceId);
        var unit = DoseUnitText.Parse(u.Unit) ?? DoseUnit.MilligramsPerDay;
        var mme = MmeCalculator.PerDay(u.SubstanceId, u.AmountPerDay, unit);
        var status = mme.Status switch
        {
            MmeStatus.Computed => "computed",
            MmeStatus.NotComputable => "not-computable",
            _ => "refused",
        };
        return new OpioidUseView(u.Id, u.SubstanceId, substance?.Name ?? u.SubstanceId, u.AmountPerDay, u.Unit, u.Release,
            u.Route, u.DurationDays, u.LastUseAt,
            new MmeView(status, mme.MmePerDay, mme.Factor, mme.TableVersion, mme.Reason, mme.ReasonUnconfirmed, mme.Cautions));
    }

    // ---- episodes ----

    public async Task<(WithdrawalEpisode? Episode, Dictionary<string, string[]> Errors)> OpenEpisodeAsync(
        Patient patient, EpisodeRequest r, Guid userId, CancellationToken ct = default)
    {
        var use = r.OpioidUseId is { } id
            ? await db.OpioidUses.FirstOrDefaultAsync(u => u.Id == id && u.PatientId == patient.Id, ct)
            : null;
        if (use is null)
        {
            return (null, new() { ["opioidUseId"] = ["The id of an opioid use recorded for this patient."] });
        }

        var catalog = WithdrawalCourseCatalog.Default;
        var match = catalog.ClassFor(use.SubstanceId, Enum.Parse<OpioidRelease>(use.Release, ignoreCase: true));
        var episode = new WithdrawalEpisode
        {
            Id = Guid.NewGuid(), PatientId = patient.Id, OpioidUseId = use.Id, StartedAt = use.LastUseAt,
            CourseClassId = match?.Class.Id, CourseVersion = catalog.Version, CreatedAt = clock.GetUtcNow(), CreatedByUserId = userId,
        };
        db.WithdrawalEpisodes.Add(episode);
        await db.SaveChangesAsync(ct);
        return (episode, []);
    }

    /// <summary>The opioid history and the episodes together, reading the patient's opioid uses once (the overview shows
    /// both; issue 17).</summary>
    public async Task<(IReadOnlyList<OpioidUseView> Uses, IReadOnlyList<EpisodeView> Episodes)> HistoryAndEpisodesAsync(Guid patientId,
        CancellationToken ct = default)
    {
        var uses = await db.OpioidUses.AsNoTracking().Where(u => u.PatientId == patientId).ToDictionaryAsync(u => u.Id, ct);
        var episodes = await db.WithdrawalEpisodes.AsNoTracking().Where(e => e.PatientId == patientId).ToListAsync(ct);
        if (episodes.Any(e => !uses.ContainsKey(e.OpioidUseId)))
        {
            return (uses.Values.OrderByDescending(u => u.LastUseAt).Select(ViewOf).ToList(), await EpisodesAsync(patientId, ct));
        }

        var now = clock.GetUtcNow();
        return (uses.Values.OrderByDescending(u => u.LastUseAt).Select(ViewOf).ToList(),
            episodes.OrderByDescending(e => e.StartedAt).Select(e => ViewOf(e, uses[e.OpioidUseId], now)).ToList());
    }

    public async Task<IReadOnlyList<EpisodeView>> EpisodesAsync(Guid patientId, CancellationToken ct = default)
    {
        var episodes = await db.WithdrawalEpisodes.AsNoTracking().Where(e => e.PatientId == patientId).ToListAsync(ct);
        var useIds = episodes.Select(e => e.OpioidUseId).ToList();
        var uses = await db.OpioidUses.AsNoTracking().Where(u => useIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var now = clock.GetUtcNow();
        return episodes.OrderByDescending(e => e.StartedAt).Select(e => ViewOf(e, uses[e.OpioidUseId], now)).ToList();
    }

    public static ExpectedCourse? CourseOf(WithdrawalEpisode e, OpioidUse use)
    {
        var match = WithdrawalCourseCatalog.Default.ClassFor(use.SubstanceId, Enum.Parse<OpioidRelease>(use.Release, ignoreCase: true));
        var cls = (e.CourseClassId is null ? null : WithdrawalCourseCatalog.Default.FindClass(e.CourseClassId)) ?? match?.Class;
        return cls is null ? null : ExpectedCourse.From(cls, e.StartedAt);
    }

    public static EpisodeView ViewOf(WithdrawalEpisode e, OpioidUse use, DateTimeOffset now)
    {
        var catalog = WithdrawalCourseCatalog.Default;
        var match = catalog.ClassFor(use.SubstanceId, Enum.Parse<OpioidRelease>(use.Release, ignoreCase: true));
        var course = CourseOf(e, use);
        CourseWindowView? W(CourseWindow? w) => w is null ? null
            : new CourseWindowView(w.From, w.To, w.Figures.FromHours, w.Figures.ToHours, w.Figures.Basis, w.Figures.Unconfirmed,
                catalog.SourcesOf(w.Figures).Select(SourceView.Of).ToList());
        var notes = course?.Class.Notes.ToList() ?? ["The knowledge data gives no expected course for this opioid."];
        if (match?.MappingUnconfirmed == true)
        {
            notes.Add("UNCONFIRMED: the reference does not name this opioid; its course class is an assumption.");
        }

        return new EpisodeView(e.Id, e.OpioidUseId, use.SubstanceId, e.StartedAt, course?.Class.Id, course?.Class.Name,
            e.CourseVersion, (course?.Class.Unconfirmed ?? true) || match?.MappingUnconfirmed == true,
            W(course?.Onset), W(course?.Peak), W(course?.AcuteEnd),
            course?.PhaseAt(now).ToString() ?? nameof(WithdrawalPhase.NotKnown), notes);
    }

    // ---- assessments ----

    /// <summary>Validates, scores (clinical core), stores the assessment and any new alerts in one SaveChanges.
    /// A Patient-role caller records a patient-reported self-rating that awaits staff review.</summary>
    public async Task<(AssessmentRecorded? Recorded, Dictionary<string, string[]> Errors)> RecordAssessmentAsync(
        Patient patient, AssessmentRequest r, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var now = clock.GetUtcNow();
        var patientReported = !user.IsCareStaff();
        var definition = r.InstrumentId is null ? null : InstrumentCatalog.Default.Find(r.InstrumentId);
        if (definition is null)
        {
            errors["instrumentId"] = [$"Unknown instrument; allowed: {string.Join(", ", InstrumentCatalog.Default.All.Select(d => d.Id))}."];
        }
        else if (patientReported && definition.Respondent != "patient")
        {
            errors["instrumentId"] = [$"{definition.Name} is rated by a clinician; a patient may record: " +
                string.Join(", ", InstrumentCatalog.Default.All.Where(d => d.Respondent == "patient").Select(d => d.Id)) + "."];
        }

        if (r.AssessedAt is not { } assessedAt)
        {
            errors["assessedAt"] = ["The time of the assessment is required (ISO 8601 with offset)."];
        }
        else if (RecordedTime.ProblemIfInFuture("assessedAt", assessedAt, now) is { } future)
        {
            errors["assessedAt"] = [future];
        }

        var answers = new Dictionary<int, int>(r.Answers ?? []);
        if (definition is not null && r.PulseBpm is { } bpm)
        {
            if (definition.Id != InstrumentCatalog.CowsId)
            {
                errors["pulseBpm"] = ["A pulse in bpm scores only the COWS resting pulse item."];
            }
            else
            {
                var pulse = PulseScoring.CowsPulseItemScore(definition, bpm);
                if (!pulse.IsScored)
                {
                    errors["pulseBpm"] = [pulse.Problem!];
                }
                else if (answers.TryGetValue(PulseScoring.CowsPulseItem, out var given) && given != pulse.Score)
                {
                    errors[$"answers.{PulseScoring.CowsPulseItem}"] =
                        [$"Item 1 was given as {given} but a pulse of {bpm} bpm scores {pulse.Score}; send one or make them agree."];
                }
                else
                {
                    answers[PulseScoring.CowsPulseItem] = pulse.Score!.Value;
                }
            }
        }

        InstrumentScore? score = null;
        if (definition is not null && !errors.ContainsKey("instrumentId"))
        {
            var outcome = InstrumentScorer.Score(definition, answers);
            if (outcome.IsScored)
            {
                score = outcome.Score;
            }
            else
            {
                foreach (var p in outcome.Problems)
                {
                    var key = $"answers.{p.ItemNumber}";
                    if (!errors.ContainsKey(key))
                    {
                        errors[key] = [p.Message];
                    }
                }
            }
        }

        WithdrawalEpisode? episode = null;
        if (r.EpisodeId is { } episodeId)
        {
            episode = await db.WithdrawalEpisodes.FirstOrDefaultAsync(e => e.Id == episodeId && e.PatientId == patient.Id, ct);
            if (episode is null)
            {
                errors["episodeId"] = ["The id of a withdrawal episode of this patient, or leave it out to use the latest."];
            }
        }
        else if (r.AssessedAt is { } at)
        {
            episode = await db.WithdrawalEpisodes.Where(e => e.PatientId == patient.Id && e.StartedAt <= at)
                .OrderByDescending(e => e.StartedAt).FirstOrDefaultAsync(ct);
        }

        if (errors.Count > 0 || score is null)
        {
            return (null, errors);
        }

        var when = r.AssessedAt!.Value.ToUniversalTime();
        var assessment = new Assessment
        {
            Id = Guid.NewGuid(), PatientId = patient.Id, EpisodeId = episode?.Id, InstrumentId = score.InstrumentId,
            InstrumentVersion = score.InstrumentVersion,
            AnswersJson = JsonSerializer.Serialize(score.Answers.ToDictionary(a => a.Key.ToString(CultureInfo.InvariantCulture), a => a.Value)),
            PulseBpm = definition!.Id == InstrumentCatalog.CowsId ? r.PulseBpm : null, Total = score.Total, Band = score.BandLabel,
            AssessedAt = when, RecordedAt = now, RatedByUserId = user.UserId()!.Value, PatientReported = patientReported,
        };

        var course = episode is null ? null
            : CourseOf(episode, await db.OpioidUses.AsNoTracking().FirstAsync(u => u.Id == episode.OpioidUseId, ct));
        var episodeKey = episode is null ? $"patient/{patient.Id}" : $"episode/{episode.Id}";
        var raised = WithdrawalAlerts.Evaluate(episodeKey, score, when, course);

        db.Assessments.Add(assessment);
        var recorded = new RecordedAssessment(assessment.Id, assessment.InstrumentId, assessment.Total, assessment.AssessedAt, patientReported);
        async Task<List<RaisedAlert>> StageAsync()
        {
            var staged = await AlertBook.AddNewAsync(db, patient, raised, now, ct);
            foreach (var handler in handlers)
            {
                staged.AddRange(await handler.AssessmentRecordedAsync(patient, recorded, now, ct));
            }

            return staged;
        }

        var added = await AlertBook.SaveAsync(db, await StageAsync(), StageAsync, ct);

        var names = await RaterNamesAsync([assessment], ct);
        return (new AssessmentRecorded(ViewOf(assessment, names), added.Select(AlertBook.ViewOf).ToList()), errors);
    }

    public async Task<IReadOnlyList<AssessmentView>> AssessmentsAsync(Guid patientId, CancellationToken ct = default)
    {
        var list = (await db.Assessments.AsNoTracking().Where(a => a.PatientId == patientId).ToListAsync(ct))
            .OrderByDescending(a => a.AssessedAt).ToList();
        var names = await RaterNamesAsync(list, ct);
        return list.Select(a => ViewOf(a, names)).ToList();
    }

    /// <summary>One page of the assessment history, newest first, optionally of one instrument; the API list and the
    /// history page both read it. Check the query with <see cref="CheckHistoryQuery"/> first.</summary>
    public async Task<ListPage<AssessmentView>> AssessmentHistoryAsync(Guid patientId, string? instrumentId, PageRequest paging,
        CancellationToken ct = default)
    {
        var query = db.Assessments.AsNoTracking().Where(a => a.PatientId == patientId);
        if (!string.IsNullOrEmpty(instrumentId))
        {
            query = query.Where(a => a.InstrumentId == instrumentId);
        }

        // Instants are ticks on SQLite and timestamptz on PostgreSQL: both order in SQL.
        var total = await query.CountAsync(ct);
        var list = await query.OrderByDescending(a => a.AssessedAt).ThenBy(a => a.Id)
            .Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        var names = await RaterNamesAsync(list, ct);
        return paging.Of(list.Select(a => ViewOf(a, names)).ToList(), total);
    }

    /// <summary>Field-keyed problems of a history query: a known instrument id, page from 1, pageSize 1 to 100.</summary>
    public static Dictionary<string, string[]> CheckHistoryQuery(string? instrumentId, PageRequest paging)
    {
        var errors = paging.Check();
        if (!string.IsNullOrEmpty(instrumentId) && InstrumentCatalog.Default.Find(instrumentId) is null)
        {
            errors["instrument"] = [$"Allowed: {string.Join(", ", InstrumentCatalog.Default.All.Select(d => d.Id))}."];
        }

        return errors;
    }

    /// <summary>Marks a patient-reported assessment as reviewed by staff; false when there is none to review.</summary>
    public async Task<Assessment?> ReviewAsync(Guid patientId, Guid assessmentId, Guid reviewerId, CancellationToken ct = default)
    {
        var a = await db.Assessments.FirstOrDefaultAsync(x => x.Id == assessmentId && x.PatientId == patientId, ct);
        if (a is null)
        {
            return null;
        }

        if (a.PatientReported && a.ReviewedAt is null)
        {
            a.ReviewedAt = clock.GetUtcNow();
            a.ReviewedByUserId = reviewerId;
            await db.SaveChangesAsync(ct);
        }

        return a;
    }

    public async Task<Dictionary<Guid, string>> RaterNamesAsync(IReadOnlyCollection<Assessment> list, CancellationToken ct)
    {
        var ids = list.Select(a => a.RatedByUserId).Concat(list.Where(a => a.ReviewedByUserId is not null).Select(a => a.ReviewedByUserId!.Value))
            .Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    public static AssessmentView ViewOf(Assessment a, IReadOnlyDictionary<Guid, string> names)
    {
        var answers = JsonSerializer.Deserialize<Dictionary<string, int>>(a.AnswersJson)!
            .ToDictionary(x => int.Parse(x.Key, CultureInfo.InvariantCulture), x => x.Value);
        return new AssessmentView(a.Id, a.EpisodeId, a.InstrumentId, a.InstrumentVersion, new SortedDictionary<int, int>(answers),
            a.PulseBpm, a.Total, a.Band, a.AssessedAt, a.RatedByUserId, names.GetValueOrDefault(a.RatedByUserId, ""),
            a.PatientReported, a.PatientReported && a.ReviewedAt is null, a.ReviewedByUserId, a.ReviewedAt);
    }
}
