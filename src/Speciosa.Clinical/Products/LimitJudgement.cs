namespace Speciosa.Clinical.Products;

/// <summary>One limit of one standard applied to a certificate. Not detected / below LOD or LOQ pass
/// only when that bound itself lies within the limit; otherwise the method could not show compliance.</summary>
internal sealed class LimitJudgement(
    QualityStandard standard,
    AnalyteLimit limit,
    IReadOnlyList<AnalyteResult> results,
    ProductFacts product,
    AnalyteCatalogue catalogue)
{
    private readonly Analyte analyte = catalogue.Find(limit.Analyte);

    public AnalyteFinding? Judge()
    {
        if (limit.Kind is LimitKind.LabelClaim)
        {
            return JudgeLabelClaim();
        }

        var result = catalogue.ResultFor(results, analyte.Id);
        var measured = analyte;
        if (result is null && limit.Surrogate is { } surrogateId)
        {
            measured = catalogue.Find(surrogateId);
            result = catalogue.ResultFor(results, measured.Id);
        }

        if (result is null)
        {
            return limit.Required
                ? Incomplete($"{analyte.Name} is required by {standard.Title} but is not on the certificate")
                : null;
        }

        return limit.Kind switch
        {
            LimitKind.ContentMax or LimitKind.DailyExposureMax => JudgeQuantity(result, measured),
            LimitKind.Absence => JudgeAbsence(result),
            LimitKind.ShareOfTotalAlkaloidsMax => JudgeShare(),
            LimitKind.Reported => Pass($"{ResultBound.Of(result, analyte.Name).Text} is reported"),
            LimitKind.NotDetected => JudgeNotDetected(result),
            _ => throw new InvalidOperationException($"Limit kind {limit.Kind} is not judged."),
        };
    }

    private string LimitText => limit.Kind switch
    {
        LimitKind.Absence => $"absent {limit.Unit}",
        LimitKind.LabelClaim => limit.Max is { } tol ? $"within ±{Figures.Format(tol)}% of the label claim" : "within the clinic's tolerance of the label claim",
        LimitKind.Reported => "reported",
        LimitKind.NotDetected => "not detected",
        _ => $"{limit.ComparisonSymbol} {MaxText}",
    };

    private string MaxText => $"{Figures.Format(limit.Max ?? 0)} {limit.Unit}";

    private AnalyteFinding JudgeQuantity(AnalyteResult result, Analyte measured)
    {
        var bound = ResultBound.Of(result, measured.Name);
        if (bound.Value is not { } value)
        {
            return Incomplete(bound.Unknown!);
        }

        var (figure, arithmetic, missing) = limit.Kind is LimitKind.DailyExposureMax
            ? DailyExposure(value, result.Unit, bound)
            : Concentration(value, result.Unit, bound);
        if (figure is not { } f)
        {
            return Incomplete(missing!);
        }

        var max = limit.Max ?? throw new InvalidOperationException($"{standard.Label} has no figure for {analyte.Name}.");
        var surrogate = measured.Id != analyte.Id;
        if (bound.IsUpperBound)
        {
            return f <= max
                ? Pass($"{arithmetic}, within {limit.ComparisonSymbol} {MaxText}")
                : Incomplete($"{arithmetic}, which may exceed {limit.ComparisonSymbol} {MaxText}: the method cannot show compliance");
        }

        if (limit.Admits(f, max))
        {
            var asBound = surrogate ? $" ({measured.Name} bounds {analyte.Name} from above)" : "";
            return Pass($"{arithmetic} {limit.ComparisonSymbol} {MaxText}{asBound}");
        }

        return surrogate
            ? Incomplete($"{arithmetic} {limit.FailingSymbol} {MaxText} for {analyte.Name}: {measured.Name} is only an upper bound, speciation is needed")
            : Fail($"{arithmetic} {limit.FailingSymbol} {MaxText}");
    }

    private (decimal? Figure, string Arithmetic, string? Missing) Concentration(decimal value, string unit, ResultBound bound)
    {
        var converted = catalogue.TryConvert(value, unit, limit.Unit!, product.ServingGrams);
        if (converted is not { } c)
        {
            return (null, bound.Text, $"{bound.Text}: converting mg/serving needs the serving size");
        }

        var lessThan = bound.IsUpperBound ? "< " : "";
        var shown = catalogue.Unit(unit).Answers(limit.Unit!) ? bound.Text : $"{bound.Text} = {lessThan}{Figures.Format(c)} {limit.Unit}";
        return (c, shown, null);
    }

    private (decimal? Figure, string Arithmetic, string? Missing) DailyExposure(decimal value, string unit, ResultBound bound)
    {
        if (product.MaximumDailyGrams is not > 0)
        {
            return (null, bound.Text, $"{bound.Text}: the product's maximum daily amount in grams is not stated, and {standard.Title} judges content × grams per day");
        }

        var grams = product.MaximumDailyGrams.Value;
        var perGram = catalogue.TryConvert(value, unit, "µg/g", product.ServingGrams);
        if (perGram is not { } ug)
        {
            return (null, bound.Text, $"{bound.Text}: converting mg/serving needs the serving size");
        }

        var lessThan = bound.IsUpperBound ? "< " : "";
        var daily = ug * grams / catalogue.Unit(limit.Unit!).FactorToBase;
        var content = catalogue.Unit(unit).Answers("µg/g") ? bound.Text : $"{bound.Text} (= {lessThan}{Figures.Format(ug)} µg/g)";
        return (daily, $"{content} × {Figures.Format(grams)} g/day = {lessThan}{Figures.Format(daily)} {limit.Unit}", null);
    }

    private AnalyteFinding JudgeAbsence(AnalyteResult result)
    {
        var required = catalogue.Unit(limit.Unit!).TestPortionGrams ?? 0;
        var tested = catalogue.Unit(result.Unit).TestPortionGrams;
        if (tested is not { } portion)
        {
            return Incomplete($"{analyte.Name} needs a presence test on a test portion; {result.Unit} cannot show absence");
        }

        if (result.Qualifier is ResultQualifier.Detected or ResultQualifier.BelowLoq)
        {
            return Fail($"{analyte.Name} present in {Figures.Format(portion)} g; limit: absent in {Figures.Format(required)} g");
        }

        if (result.Qualifier is not (ResultQualifier.NotDetected or ResultQualifier.BelowLod))
        {
            throw new ArgumentOutOfRangeException(nameof(result), result.Qualifier, "Undefined result qualifier.");
        }

        return portion >= required
            ? Pass($"{analyte.Name} absent in {Figures.Format(portion)} g (limit: absent in {Figures.Format(required)} g)")
            : Incomplete($"{analyte.Name} absent in {Figures.Format(portion)} g, but the limit is absence in {Figures.Format(required)} g: the test portion is too small to show compliance");
    }

    private AnalyteFinding JudgeShare()
    {
        var share = SevenHydroxyShare.TryCompute(results, product.ServingGrams, catalogue, out var whyNot);
        if (share is null)
        {
            return Incomplete(whyNot!);
        }

        var max = limit.Max ?? throw new InvalidOperationException($"{standard.Label} has no share figure.");
        if (share.IsUpperBound)
        {
            return share.Percent <= max
                ? Pass($"{share.Arithmetic}, within {limit.ComparisonSymbol} {Figures.Format(max)}%")
                : Incomplete($"{share.Arithmetic}, which may exceed {limit.ComparisonSymbol} {Figures.Format(max)}%: the method cannot show compliance");
        }

        return limit.Admits(share.Percent, max)
            ? Pass($"{share.Arithmetic} {limit.ComparisonSymbol} {Figures.Format(max)}%")
            : Fail($"{share.Arithmetic} {limit.FailingSymbol} {Figures.Format(max)}%");
    }

    private AnalyteFinding JudgeNotDetected(AnalyteResult result)
    {
        var bound = ResultBound.Of(result, analyte.Name);
        return result.Qualifier switch
        {
            ResultQualifier.Detected or ResultQualifier.BelowLoq => Fail($"{bound.Text}: detected"),
            ResultQualifier.NotDetected or ResultQualifier.BelowLod =>
                Pass(bound.IsKnown ? bound.Text : $"{analyte.Name} not detected (no LOD stated)"),
            _ => throw new ArgumentOutOfRangeException(nameof(result), result.Qualifier, "Undefined result qualifier."),
        };
    }

    private AnalyteFinding? JudgeLabelClaim()
    {
        var claim = product.LabelClaims?.FirstOrDefault(c => catalogue.TryFind(c.Analyte)?.Id == analyte.Id);
        if (claim is null)
        {
            return limit.Required ? Incomplete($"the label states no {analyte.Name} per serving") : null;
        }

        if (limit.Max is not { } tolerance)
        {
            return Incomplete("the clinic has not set a label-claim tolerance");
        }

        if (product.ServingGrams is not > 0 || claim.MgPerServing <= 0)
        {
            return Incomplete($"the {analyte.Name} claim needs a positive mg per serving and the serving size in grams");
        }

        var measured = AlkaloidAmount.FromCertificate(results, analyte.Id, product.ServingGrams, catalogue);
        if (measured.MgPerGram is not { } mgPerGram || measured.IsUpperBound)
        {
            return Incomplete($"{measured.Basis}: the measured content is not quantified");
        }

        var accuracy = LabelAccuracy.Assess(analyte.Name, claim.MgPerServing, mgPerGram, product.ServingGrams.Value, tolerance);
        return accuracy.WithinTolerance ? Pass(accuracy.Arithmetic) : Fail(accuracy.Arithmetic);
    }

    private AnalyteFinding Pass(string reason) => Finding(QualityOutcome.Pass, reason);

    private AnalyteFinding Fail(string reason) => Finding(QualityOutcome.Fail, reason);

    private AnalyteFinding Incomplete(string reason) => Finding(QualityOutcome.Incomplete, reason);

    private AnalyteFinding Finding(QualityOutcome outcome, string reason) => new(
        standard.Id,
        standard.Version,
        analyte.Id,
        outcome,
        LimitText,
        limit.Unconfirmed ? reason + " [limit UNCONFIRMED in the reference]" : reason,
        standard.Source,
        limit.Unconfirmed || standard.Source.Unconfirmed);
}
