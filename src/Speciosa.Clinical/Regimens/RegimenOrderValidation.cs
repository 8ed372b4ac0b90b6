namespace Speciosa.Clinical.Regimens;

/// <summary>Checks a regimen order is coherent before it is saved. It judges only consistency, never whether a
/// dose is clinically right: that is the clinician's decision.</summary>
public static class RegimenOrderValidation
{
    public static IReadOnlyList<OrderProblem> Validate(RegimenOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var problems = new List<OrderProblem>();
        if (order.GramsPerAdministration <= 0m)
        {
            problems.Add(new("gramsPerAdministration", "Grams per administration must be above zero."));
        }

        if (order.MaxAdministrationsPerDay < 1)
        {
            problems.Add(new("maxAdministrationsPerDay", "At least one administration a day."));
        }

        if (order.MaxGramsPerDay < order.GramsPerAdministration)
        {
            problems.Add(new("maxGramsPerDay", "The daily maximum is below one administration."));
        }

        if (order.EndDate is { } end && end < order.StartDate)
        {
            problems.Add(new("endDate", "The end date is before the start date."));
        }

        for (var i = 0; i < order.Breaks.Count; i++)
        {
            if (order.Breaks[i].LastDay < order.Breaks[i].FirstDay)
            {
                problems.Add(new($"breaks[{i}]", "The break ends before it starts."));
            }
        }

        var steps = order.Titration?.Steps ?? [];
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].GramsPerAdministration <= 0m)
            {
                problems.Add(new($"titration.steps[{i}].gramsPerAdministration", "A step's grams must be above zero."));
            }

            if (steps[i].DaysAfterPreviousStep < 1)
            {
                problems.Add(new($"titration.steps[{i}].daysAfterPreviousStep", "A step is due at least one day after the previous one."));
            }
        }

        if (order.Taper is { } taper)
        {
            problems.AddRange(TaperCalendarValidation.Validate(taper)
                .Select(p => new OrderProblem(p.EntryIndex is { } n ? $"taper.entries[{n}].{p.Field}" : $"taper.{p.Field}", p.Message)));
        }

        return problems;
    }
}
