using System.Globalization;
using Speciosa.Clinical.Regimens;

namespace Speciosa.Web.Regimens;

/// <summary>Turns a request into the core's <see cref="RegimenOrder"/> (plus field-keyed errors saying what is allowed),
/// then lets <see cref="RegimenOrderValidation"/> judge it. Nothing is added or adjusted: the order is the clinician's.</summary>
public static class RegimenRequestReader
{
    public static readonly IReadOnlyDictionary<string, WithdrawalScale> Scales =
        new Dictionary<string, WithdrawalScale>(StringComparer.OrdinalIgnoreCase) { ["cows"] = WithdrawalScale.Cows, ["sows"] = WithdrawalScale.Sows };

    public static readonly IReadOnlyDictionary<string, ScoreComparison> Comparisons =
        new Dictionary<string, ScoreComparison>(StringComparer.OrdinalIgnoreCase)
        {
            ["lt"] = ScoreComparison.LessThan, ["le"] = ScoreComparison.LessThanOrEqual,
            ["ge"] = ScoreComparison.GreaterThanOrEqual, ["gt"] = ScoreComparison.GreaterThan,
        };

    public static RegimenOrder? Read(RegimenRequest r, Guid? lotId, Dictionary<string, string[]> errors)
    {
        if (r.GramsPerAdministration is null)
        {
            errors["gramsPerAdministration"] = ["Grams per administration is required (above 0)."];
        }

        if (r.MaxGramsPerDay is null)
        {
            errors["maxGramsPerDay"] = ["Maximum grams a day is required (at least one administration)."];
        }

        if (r.MaxAdministrationsPerDay is null)
        {
            // No default: how often a patient doses tracks dependence (KS-S59), so the number is the clinician's.
            errors["maxAdministrationsPerDay"] = ["Maximum administrations a day is required (1 or more): there is no default."];
        }

        if (r.StartDate is null)
        {
            errors["startDate"] = ["The start date is required (yyyy-mm-dd)."];
        }

        if (r.GramsPerAdministration > 1000m || r.MaxGramsPerDay > 1000m)
        {
            errors["maxGramsPerDay"] = ["Grams are at most 1000."];
        }

        var breaks = (r.Breaks ?? []).Select(b => new PlannedBreak(b.FirstDay, b.LastDay, Trim(b.Reason, 200))).ToList();
        if (breaks.Count > 50)
        {
            errors["breaks"] = ["At most 50 planned breaks."];
        }

        var titration = ReadTitration(r.Titration, r.GramsPerAdministration ?? 0m, errors);
        var taper = r.Taper is null ? null : ReadTaper(r.Taper, errors, "taper");
        if (errors.Count > 0)
        {
            return null;
        }

        var order = new RegimenOrder(r.GramsPerAdministration!.Value, r.MaxGramsPerDay!.Value, r.StartDate!.Value, r.EndDate,
            r.MaxAdministrationsPerDay!.Value)
        {
            OrderedLotId = lotId?.ToString(),
            Breaks = breaks,
            Titration = titration,
            Taper = taper,
        };
        foreach (var p in RegimenOrderValidation.Validate(order))
        {
            errors[p.Field] = errors.TryGetValue(p.Field, out var m) ? [.. m, p.Message] : [p.Message];
        }

        return errors.Count > 0 ? null : order;
    }

    public static TaperCalendar? ReadTaper(TaperCalendarDto dto, Dictionary<string, string[]> errors, string prefix)
    {
        if (dto.Entries is not { Count: > 0 } entries)
        {
            errors[$"{prefix}.entries"] = ["A taper calendar needs at least one entry (startsOn, gramsPerDay)."];
            return null;
        }

        if (entries.Count > 520)
        {
            errors[$"{prefix}.entries"] = ["At most 520 entries."];
            return null;
        }

        TaperSettings? generatedFrom = null;
        if (dto.GeneratedFrom is { } g)
        {
            // The settings a calendar says it was generated from are the clinician's own: every one of them, or none.
            var settingErrors = new Dictionary<string, string[]>();
            generatedFrom = ReadSettings(g, settingErrors);
            foreach (var (field, messages) in settingErrors)
            {
                errors[$"{prefix}.generatedFrom.{field}"] = messages;
            }
        }

        var calendar = new TaperCalendar(entries.Select(e => new TaperEntry(e.StartsOn, e.GramsPerDay, Trim(e.Basis, 500))).ToList())
        {
            IncreasesAllowed = dto.IncreasesAllowed,
            GeneratedFrom = generatedFrom,
        };
        foreach (var p in TaperCalendarValidation.Validate(calendar))
        {
            var key = p.EntryIndex is { } n ? $"{prefix}.entries[{n}].{p.Field}" : $"{prefix}.{p.Field}";
            errors[key] = errors.TryGetValue(key, out var m) ? [.. m, p.Message] : [p.Message];
        }

        return calendar;
    }

    /// <summary>The clinician's taper choices in the core's terms, or null with errors.</summary>
    public static TaperSettings? ReadSettings(TaperSettingsDto s, Dictionary<string, string[]> errors)
    {
        if (!Enum.TryParse<TaperMethod>(s.Method, ignoreCase: true, out var method) || !Enum.IsDefined(method) || int.TryParse(s.Method, out _))
        {
            errors["method"] = [$"Choose a method (none is preselected): {string.Join(", ", Enum.GetNames<TaperMethod>())}."];
        }

        if (s.StartDate is null)
        {
            errors["startDate"] = ["The taper start date is required (yyyy-mm-dd)."];
        }

        if (s.StartingGramsPerDay is not > 0m || s.StartingGramsPerDay > 1000m)
        {
            errors["startingGramsPerDay"] = ["The starting grams a day is above 0 and at most 1000."];
        }

        if (s.RoundingStepGrams is not > 0m || s.RoundingStepGrams > 100m)
        {
            errors["roundingStepGrams"] = ["The rounding step is above 0 g and at most 100 g (e.g. 0.25)."];
        }

        if (method is not TaperMethod.Cdc2022TwoPhase && s.WeeklyReductionPercent is not (> 0m and <= 100m))
        {
            errors["weeklyReductionPercent"] = ["A percent taper needs the weekly reduction: above 0 and at most 100 (%)."];
        }

        TaperUseDuration? duration = null;
        if (method is TaperMethod.Cdc2022TwoPhase)
        {
            if (s.UseDuration is { } d && !int.TryParse(d, out _) && Enum.TryParse<TaperUseDuration>(d, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                duration = parsed;
            }
            else
            {
                errors["useDuration"] = ["The CDC method needs how long the patient has used daily: UnderOneYear (weeks to months) or OneYearOrMore."];
            }
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new TaperSettings(method, s.StartDate!.Value, s.StartingGramsPerDay!.Value, s.RoundingStepGrams!.Value,
            method is TaperMethod.Cdc2022TwoPhase ? null : s.WeeklyReductionPercent / 100m, duration);
    }

    private static TitrationPlan? ReadTitration(TitrationDto? dto, decimal startingGrams, Dictionary<string, string[]> errors)
    {
        if (dto is null)
        {
            return null;
        }

        if (dto.Uniform is { } u)
        {
            var hold = ReadHold(u.HoldScale, u.HoldComparison, u.HoldThreshold, "titration.uniform", errors);
            if (u.IncreaseGrams <= 0m || u.EveryDays < 1 || u.CeilingGramsPerAdministration < startingGrams || u.CeilingGramsPerAdministration > 1000m)
            {
                errors["titration.uniform"] = ["A uniform titration needs an increase above 0 g, every 1 or more days, up to a ceiling not below the starting grams (at most 1000 g)."];
                return null;
            }

            return errors.ContainsKey("titration.uniform.hold") ? null
                : TitrationPlan.Uniform(startingGrams, u.IncreaseGrams, u.EveryDays, u.CeilingGramsPerAdministration, hold);
        }

        var steps = new List<TitrationStep>();
        var list = dto.Steps ?? [];
        if (list.Count > 200)
        {
            errors["titration.steps"] = ["At most 200 steps."];
            return null;
        }

        for (var i = 0; i < list.Count; i++)
        {
            var s = list[i];
            steps.Add(new TitrationStep(s.GramsPerAdministration, s.DaysAfterPreviousStep,
                ReadHold(s.HoldScale, s.HoldComparison, s.HoldThreshold, $"titration.steps[{i}]", errors)));
        }

        return steps.Count == 0 ? null : new TitrationPlan(steps);
    }

    private static ScoreCondition? ReadHold(string? scale, string? comparison, int? threshold, string prefix, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(scale) && string.IsNullOrEmpty(comparison) && threshold is null)
        {
            return null;
        }

        if (scale is null || !Scales.TryGetValue(scale, out var sc) || comparison is null || !Comparisons.TryGetValue(comparison, out var cmp)
            || threshold is not (>= 0 and <= 100))
        {
            errors[$"{prefix}.hold"] = ["A hold needs a scale (cows or sows), a comparison (lt, le, ge, gt) and a threshold from 0 to 100."];
            return null;
        }

        return new ScoreCondition(sc, cmp, threshold.Value);
    }

    public static string HoldText(ScoreCondition? c) => c?.ToString() ?? string.Empty;

    public static string Code(ScoreComparison c) => c switch
    {
        ScoreComparison.LessThan => "lt",
        ScoreComparison.LessThanOrEqual => "le",
        ScoreComparison.GreaterThanOrEqual => "ge",
        _ => "gt",
    };

    private static string? Trim(string? s, int max) =>
        string.IsNullOrWhiteSpace(s) ? null : s.Trim().Length <= max ? s.Trim() : s.Trim()[..max];

    public static string Grams(decimal g) => g.ToString("0.###", CultureInfo.InvariantCulture);
}
