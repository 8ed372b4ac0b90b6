using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Products;

/// <summary>The analytes a certificate of analysis may report and the units each may be reported in,
/// from <c>knowledge/products/analytes.json</c> and <c>units.json</c>; converts values between units.</summary>
public sealed class AnalyteCatalogue
{
    private static readonly Lazy<AnalyteCatalogue> Embedded = new(Load);

    public AnalyteCatalogue(IReadOnlyList<Analyte> analytes, IReadOnlyList<MeasureUnit> units)
    {
        Analytes = analytes;
        Units = units;
    }

    /// <summary>The catalogue embedded in this build.</summary>
    public static AnalyteCatalogue Default => Embedded.Value;

    public IReadOnlyList<Analyte> Analytes { get; }

    public IReadOnlyList<MeasureUnit> Units { get; }

    public static AnalyteCatalogue Load() => new(
        KnowledgeFile.Read<AnalyteFile>("products/analytes.json").Analytes,
        KnowledgeFile.Read<UnitFile>("products/units.json").Units);

    public Analyte? TryFind(string idOrAlias) => Analytes.FirstOrDefault(a => a.Answers(idOrAlias));

    public Analyte Find(string idOrAlias) =>
        TryFind(idOrAlias) ?? throw new ArgumentException($"Unknown analyte '{idOrAlias}'.", nameof(idOrAlias));

    public MeasureUnit? TryUnit(string code) => Units.FirstOrDefault(u => u.Answers(code));

    public MeasureUnit Unit(string code) =>
        TryUnit(code) ?? throw new ArgumentException($"Unknown unit '{code}'.", nameof(code));

    /// <summary>The unit if the analyte may be reported in it; null otherwise (a wrong unit).</summary>
    public MeasureUnit? AllowedUnit(Analyte analyte, string code)
    {
        var unit = TryUnit(code);
        return unit is not null && analyte.Units.Any(unit.Answers) ? unit : null;
    }

    /// <summary>Converts a value of an analyte between two of its allowed units. mg/serving and mass
    /// fractions convert through the serving size in grams.</summary>
    public decimal Convert(string analyte, decimal value, string fromUnit, string toUnit, decimal? servingGrams = null)
    {
        var a = Find(analyte);
        var from = AllowedUnit(a, fromUnit)
            ?? throw new ArgumentException($"Unit '{fromUnit}' is not allowed for {a.Name}.", nameof(fromUnit));
        var to = AllowedUnit(a, toUnit)
            ?? throw new ArgumentException($"Unit '{toUnit}' is not allowed for {a.Name}.", nameof(toUnit));
        return Convert(value, from, to, servingGrams);
    }

    /// <summary>Converts between units of one dimension, or between mg/serving and a mass fraction.</summary>
    public static decimal Convert(decimal value, MeasureUnit from, MeasureUnit to, decimal? servingGrams = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var baseValue = value * from.FactorToBase;
        if (from.Dimension == to.Dimension)
        {
            return baseValue / to.FactorToBase;
        }

        if (from.Dimension is UnitDimension.MassPerServing && to.Dimension is UnitDimension.MassFraction)
        {
            return baseValue / Serving(servingGrams) / to.FactorToBase;
        }

        if (from.Dimension is UnitDimension.MassFraction && to.Dimension is UnitDimension.MassPerServing)
        {
            return baseValue * Serving(servingGrams) / to.FactorToBase;
        }

        throw new ArgumentException($"Cannot convert {from.Code} to {to.Code}: different quantities.", nameof(to));
    }

    /// <summary>Converts between unit codes; null when mg/serving is involved and no serving size is known.</summary>
    internal decimal? TryConvert(decimal value, string fromUnit, string toUnit, decimal? servingGrams)
    {
        var from = Unit(fromUnit);
        var to = Unit(toUnit);
        var needsServing = from.Dimension != to.Dimension
            && (from.Dimension is UnitDimension.MassPerServing || to.Dimension is UnitDimension.MassPerServing);
        return needsServing && servingGrams is not > 0 ? null : Convert(value, from, to, servingGrams);
    }

    /// <summary>The current result for an analyte (matched through aliases), or null.</summary>
    internal AnalyteResult? ResultFor(IReadOnlyList<AnalyteResult> results, string analyteId) =>
        results.FirstOrDefault(r => TryFind(r.Analyte)?.Id == analyteId);

    /// <summary>Field-keyed problems that stop results being judged: an undefined qualifier, unknown analyte,
    /// a unit the analyte may not be reported in, a quantified result without a value, a value beside a
    /// not-detected or below-limit qualifier, negative figures, duplicates.</summary>
    public IReadOnlyList<ResultProblem> Check(IReadOnlyList<AnalyteResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var problems = new List<ResultProblem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            if (!Enum.IsDefined(r.Qualifier))
            {
                // Fail closed: an undefined qualifier must never be read as "not detected".
                problems.Add(new(i, "qualifier", $"'{(int)r.Qualifier}' is not a result qualifier; allowed: {AllowedQualifiers}."));
                continue;
            }

            var analyte = TryFind(r.Analyte);
            if (analyte is null)
            {
                problems.Add(new(i, "analyte", $"Unknown analyte '{r.Analyte}'."));
                continue;
            }

            if (!seen.Add(analyte.Id))
            {
                problems.Add(new(i, "analyte", $"{analyte.Name} is reported twice; give the current result only."));
            }

            var unit = AllowedUnit(analyte, r.Unit);
            if (unit is null)
            {
                problems.Add(new(i, "unit", $"Unit '{r.Unit}' is not allowed for {analyte.Name}; allowed: {string.Join(", ", analyte.Units)}."));
                continue;
            }

            var quantitative = unit.Dimension is not UnitDimension.Presence;
            if (quantitative && r.Qualifier is ResultQualifier.Detected && r.Value is null)
            {
                problems.Add(new(i, "value", $"A quantified {analyte.Name} result needs a value."));
            }

            if (r.Value is not null && r.Qualifier is not ResultQualifier.Detected)
            {
                // A value beside "not detected" or "below LOD/LOQ" contradicts itself; neither reading may be guessed.
                problems.Add(new(i, "value", $"A result qualified '{QualifierWord(r.Qualifier)}' carries no value: leave the value empty and give the {(r.Qualifier is ResultQualifier.BelowLoq ? "LOQ" : "LOD")}, or qualify the result as detected."));
            }

            if (r.Value < 0)
            {
                problems.Add(new(i, "value", "A result cannot be negative."));
            }

            if (r.Lod <= 0)
            {
                problems.Add(new(i, "lod", "A limit of detection must be positive."));
            }

            if (r.Loq <= 0)
            {
                problems.Add(new(i, "loq", "A limit of quantification must be positive."));
            }
        }

        return problems;
    }

    /// <summary>The qualifier names a client may send, as they are written.</summary>
    public static string AllowedQualifiers { get; } = string.Join(", ", Enum.GetNames<ResultQualifier>());

    private static string QualifierWord(ResultQualifier q) => q switch
    {
        ResultQualifier.NotDetected => "not detected",
        ResultQualifier.BelowLoq => "below LOQ",
        ResultQualifier.BelowLod => "below LOD",
        _ => "detected",
    };

    /// <summary>Field-keyed problems in the product facts: non-positive grams, claims for unknown or
    /// non-alkaloid analytes, non-positive claims.</summary>
    public IReadOnlyList<ResultProblem> Check(ProductFacts product)
    {
        ArgumentNullException.ThrowIfNull(product);
        var problems = new List<ResultProblem>();
        if (product.MaximumDailyGrams is <= 0)
        {
            problems.Add(new(-1, "maximumDailyGrams", "The maximum daily amount must be positive grams."));
        }

        if (product.ServingGrams is <= 0)
        {
            problems.Add(new(-1, "servingGrams", "The serving size must be positive grams."));
        }

        var claims = product.LabelClaims ?? [];
        for (var i = 0; i < claims.Count; i++)
        {
            if (TryFind(claims[i].Analyte) is not { Class: AnalyteClass.Alkaloid })
            {
                problems.Add(new(i, "labelClaims.analyte", $"'{claims[i].Analyte}' is not a catalogued alkaloid."));
            }

            if (claims[i].MgPerServing <= 0)
            {
                problems.Add(new(i, "labelClaims.mgPerServing", "A label claim must be positive mg per serving."));
            }
        }

        return problems;
    }

    private static decimal Serving(decimal? servingGrams) =>
        servingGrams is > 0 ? servingGrams.Value
            : throw new ArgumentException("Converting mg/serving needs the serving size in grams.", nameof(servingGrams));

    private sealed record AnalyteFile(IReadOnlyList<Analyte> Analytes);

    private sealed record UnitFile(IReadOnlyList<MeasureUnit> Units);
}
