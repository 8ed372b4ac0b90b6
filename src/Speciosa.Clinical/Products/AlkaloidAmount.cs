namespace Speciosa.Clinical.Products;

/// <summary>An alkaloid's content in mg per gram of product: measured, an upper bound (below LOD/LOQ),
/// or unknown (<see cref="MgPerGram"/> null) with the reason in <see cref="Basis"/>.</summary>
public sealed record AlkaloidAmount(decimal? MgPerGram, bool IsUpperBound, string Basis)
{
    public decimal? MgFor(decimal grams) => MgPerGram * grams;

    internal static AlkaloidAmount FromCertificate(
        IReadOnlyList<AnalyteResult> results, string analyteId, decimal? servingGrams, AnalyteCatalogue catalogue)
    {
        var analyte = catalogue.Find(analyteId);
        var result = catalogue.ResultFor(results, analyte.Id);
        if (result is null)
        {
            return new(null, false, $"{analyte.Name} is not on the certificate");
        }

        var bound = ResultBound.Of(result, analyte.Name);
        if (bound.Value is not { } value)
        {
            return new(null, false, bound.Unknown!);
        }

        var mgPerGram = catalogue.TryConvert(value, result.Unit, "mg/g", servingGrams);
        return mgPerGram is null
            ? new(null, false, $"{bound.Text}: converting mg/serving needs the serving size")
            : new(mgPerGram, bound.IsUpperBound, bound.Text);
    }
}
