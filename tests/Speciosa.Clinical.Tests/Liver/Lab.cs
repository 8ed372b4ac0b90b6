using Speciosa.Clinical.Liver;

namespace Speciosa.Clinical.Tests.Liver;

/// <summary>Builds liver results and panels for tests; ULN 100 makes a value read directly as % of ULN.</summary>
internal static class Lab
{
    public static readonly DateTimeOffset Day0 = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    public static LiverResult Result(LiverTest test, decimal value, decimal uln = 100m, int day = 0, string? unit = null) =>
        new(test, value, unit ?? UnitOf(test), Day0.AddDays(day), uln);

    public static LiverMeasurement Measure(LiverTest test, decimal value, decimal uln = 100m, int day = 0) =>
        LiverMeasurement.From(Result(test, value, uln, day), ClinicUlnDefaults.None);

    /// <summary>A panel from ×ULN multiples (ULN 100).</summary>
    public static LiverPanel Panel(decimal? alt = null, decimal? alp = null, decimal? bilirubin = null, decimal? ast = null, decimal? ggt = null, int day = 0)
    {
        var results = new List<LiverResult>();
        if (alt is { } a) results.Add(Result(LiverTest.Alt, a * 100m, day: day));
        if (alp is { } p) results.Add(Result(LiverTest.Alp, p * 100m, day: day));
        if (bilirubin is { } b) results.Add(Result(LiverTest.TotalBilirubin, b * 100m, day: day));
        if (ast is { } s) results.Add(Result(LiverTest.Ast, s * 100m, day: day));
        if (ggt is { } g) results.Add(Result(LiverTest.Ggt, g * 100m, day: day));
        return LiverPanel.Group(results.Select(r => LiverMeasurement.From(r, ClinicUlnDefaults.None))).Single();
    }

    private static string UnitOf(LiverTest test) => test switch
    {
        LiverTest.TotalBilirubin => "mg/dL",
        LiverTest.Inr => "{INR}",
        _ => "U/L",
    };
}
