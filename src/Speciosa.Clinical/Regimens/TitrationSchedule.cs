namespace Speciosa.Clinical.Regimens;

/// <summary>Follows a clinician's titration plan day by day. A step never starts by itself. Conventions:
/// <list type="bullet">
/// <item>Step 0 is the order's grams per administration from the regimen start date.</item>
/// <item>A step is due <see cref="TitrationStep.DaysAfterPreviousStep"/> days after the previous step actually started.</item>
/// <item>A step with a hold also needs its condition met by the latest <em>staff-rated</em> reading of its scale taken
/// since the current step started; a patient's own report never counts (it would let a patient unlock a higher dose).</item>
/// <item>When both are met the step awaits the clinician (<see cref="NextTitrationStep.AwaitingDecision"/>). It starts on
/// the clinic day a clinician confirms it (<see cref="TitrationDecision"/>); a confirmation after <c>asOf</c> does not
/// count, so a past day's limits use only the steps confirmed by then.</item>
/// <item>A declined step is due again: with a hold, on a qualifying staff-rated reading taken after the decline; without
/// one, <see cref="TitrationStep.DaysAfterPreviousStep"/> days after the decline.</item>
/// <item>Nothing is added: after the last ordered step the titration is complete.</item>
/// </list></summary>
public static class TitrationSchedule
{
    public static TitrationStatus Evaluate(
        RegimenOrder order,
        DateOnly asOf,
        IReadOnlyList<ScoreReading> scores,
        TimeZoneInfo clinicZone,
        IReadOnlyList<TitrationDecision>? decisions = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(clinicZone);
        decisions ??= [];

        var started = new List<TitrationStepStart>();
        if (asOf < order.StartDate)
        {
            var first = order.Titration is { Steps.Count: > 0 } ? order.Titration.Steps[0] : null;
            return new TitrationStatus(asOf, started, first is null ? null : new NextTitrationStep(1, first.GramsPerAdministration,
                order.StartDate.AddDays(first.DaysAfterPreviousStep), first.HoldUntil, null));
        }

        started.Add(new TitrationStepStart(0, order.GramsPerAdministration, order.StartDate));
        var steps = order.Titration?.Steps ?? [];
        var readings = scores
            .Where(s => s.RatedBy == ScoreRater.Staff)
            .Select(s => (Reading: s, Day: ClinicDay.Of(s.TakenAt, clinicZone)))
            .OrderBy(s => s.Reading.TakenAt)
            .ToList();
        var known = decisions
            .Select(d => (Decision: d, Day: ClinicDay.Of(d.DecidedAt, clinicZone)))
            .Where(d => d.Day <= asOf)
            .OrderBy(d => d.Decision.DecidedAt)
            .ToList();

        for (var i = 0; i < steps.Count; i++)
        {
            var number = i + 1;
            var step = steps[i];
            var current = started[^1];
            var due = current.StartedOn.AddDays(step.DaysAfterPreviousStep);
            var mine = known.Where(d => d.Decision.StepNumber == number && d.Decision.GramsPerAdministration == step.GramsPerAdministration
                && d.Day >= current.StartedOn).ToList();
            var confirmed = mine.FirstOrDefault(d => d.Decision.Confirmed);
            if (confirmed.Decision is not null)
            {
                started.Add(new TitrationStepStart(number, step.GramsPerAdministration, confirmed.Day));
                continue;
            }

            var declined = mine.LastOrDefault(d => !d.Decision.Confirmed);
            if (declined.Decision is not null && step.HoldUntil is null)
            {
                var again = declined.Day.AddDays(step.DaysAfterPreviousStep);
                due = again > due ? again : due;
            }

            if (due > asOf)
            {
                return new TitrationStatus(asOf, started, new NextTitrationStep(number, step.GramsPerAdministration, due, step.HoldUntil, null,
                    LastDeclined: declined.Decision));
            }

            if (step.HoldUntil is not { } condition)
            {
                return new TitrationStatus(asOf, started, new NextTitrationStep(number, step.GramsPerAdministration, due, null, null,
                    AwaitingDecision: true, Evidence: [], LastDeclined: declined.Decision));
            }

            var since = declined.Decision?.DecidedAt;
            var latest = readings.LastOrDefault(r => r.Reading.Scale == condition.Scale && r.Day >= current.StartedOn && r.Day <= asOf
                && (since is not { } s || r.Reading.TakenAt > s));
            var scale = condition.Scale.ToString().ToUpperInvariant();
            if (latest.Reading is { } reading && condition.IsMetBy(reading.Total))
            {
                return new TitrationStatus(asOf, started, new NextTitrationStep(number, step.GramsPerAdministration, due, condition, null,
                    AwaitingDecision: true, Evidence: [reading], LastDeclined: declined.Decision));
            }

            var why = latest.Reading is { } r
                ? $"held until {condition}: latest staff-rated {scale} is {r.Total} ({DosingText.Day(latest.Day)})"
                : since is { } at
                    ? $"held until {condition}: no staff-rated {scale} recorded since the step was declined ({DosingText.Instant(at)})"
                    : $"held until {condition}: no staff-rated {scale} recorded since step {current.StepNumber} started ({DosingText.Day(current.StartedOn)})";
            return new TitrationStatus(asOf, started, new NextTitrationStep(number, step.GramsPerAdministration, due, condition,
                why + "; patient-reported scores do not count", LastDeclined: declined.Decision));
        }

        return new TitrationStatus(asOf, started, null);
    }
}
