namespace Speciosa.Clinical.Regimens;

/// <summary>Carries out a clinician's titration plan day by day. Conventions:
/// <list type="bullet">
/// <item>Step 0 is the order's grams per administration from the regimen start date.</item>
/// <item>A step is due <see cref="TitrationStep.DaysAfterPreviousStep"/> days after the previous step actually
/// started, so a held step delays every later one.</item>
/// <item>A held step starts on the first day, from its due day, on which the latest reading of its scale meets
/// the condition. Only readings taken since the current step started count: they show the patient on the
/// current dose. No qualifying reading means the step stays held.</item>
/// <item>Nothing is added: after the last ordered step the titration is complete.</item>
/// </list></summary>
public static class TitrationSchedule
{
    public static TitrationStatus Evaluate(
        RegimenOrder order,
        DateOnly asOf,
        IReadOnlyList<ScoreReading> scores,
        TimeZoneInfo clinicZone)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(clinicZone);

        var started = new List<TitrationStepStart>();
        if (asOf < order.StartDate)
        {
            var first = order.Titration is { Steps.Count: > 0 } ? order.Titration.Steps[0] : null;
            return new TitrationStatus(asOf, started, first is null ? null : Next(1, first, order.StartDate.AddDays(first.DaysAfterPreviousStep), null));
        }

        started.Add(new TitrationStepStart(0, order.GramsPerAdministration, order.StartDate));
        var steps = order.Titration?.Steps ?? [];
        var readings = scores
            .Select(s => (s.Scale, Day: ClinicDay.Of(s.TakenAt, clinicZone), s.TakenAt, s.Total))
            .OrderBy(s => s.TakenAt)
            .ToList();

        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var current = started[^1];
            var due = current.StartedOn.AddDays(step.DaysAfterPreviousStep);
            if (due > asOf)
            {
                return new TitrationStatus(asOf, started, Next(i + 1, step, due, null));
            }

            if (step.HoldUntil is not { } condition)
            {
                started.Add(new TitrationStepStart(i + 1, step.GramsPerAdministration, due));
                continue;
            }

            DateOnly? metOn = null;
            for (var day = due; day <= asOf && metOn is null; day = day.AddDays(1))
            {
                var latest = Latest(readings, condition.Scale, current.StartedOn, day);
                if (latest is { } reading && condition.IsMetBy(reading.Total))
                {
                    metOn = day;
                }
            }

            if (metOn is not { } startDay)
            {
                var latest = Latest(readings, condition.Scale, current.StartedOn, asOf);
                var scale = condition.Scale.ToString().ToUpperInvariant();
                var why = latest is { } r
                    ? $"held until {condition}: latest {scale} is {r.Total} ({DosingText.Day(r.Day)})"
                    : $"held until {condition}: no {scale} recorded since step {current.StepNumber} started ({DosingText.Day(current.StartedOn)})";
                return new TitrationStatus(asOf, started, Next(i + 1, step, due, why));
            }

            started.Add(new TitrationStepStart(i + 1, step.GramsPerAdministration, startDay));
        }

        return new TitrationStatus(asOf, started, null);
    }

    private static NextTitrationStep Next(int number, TitrationStep step, DateOnly due, string? heldBecause) =>
        new(number, step.GramsPerAdministration, due, step.HoldUntil, heldBecause);

    private static (WithdrawalScale Scale, DateOnly Day, DateTimeOffset TakenAt, int Total)? Latest(
        List<(WithdrawalScale Scale, DateOnly Day, DateTimeOffset TakenAt, int Total)> readings,
        WithdrawalScale scale,
        DateOnly from,
        DateOnly through)
    {
        for (var i = readings.Count - 1; i >= 0; i--)
        {
            var r = readings[i];
            if (r.Scale == scale && r.Day >= from && r.Day <= through)
            {
                return r;
            }
        }

        return null;
    }
}
