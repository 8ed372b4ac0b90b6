using System.Globalization;
using Speciosa.Clinical.Liver;

namespace Speciosa.Web.Liver;

/// <summary>Liver results in words for the pages: test names, eDISH quadrants, CTCAE grades.</summary>
public static class LiverWording
{
    /// <summary>The input code (as <see cref="LabRecords.TestCodes"/>) of each test, in panel order.</summary>
    public static readonly IReadOnlyList<(string Code, LiverTest Test, string Short)> Tests =
    [
        ("alt", LiverTest.Alt, "ALT"), ("ast", LiverTest.Ast, "AST"), ("alp", LiverTest.Alp, "ALP"),
        ("total-bilirubin", LiverTest.TotalBilirubin, "Total bilirubin"), ("ggt", LiverTest.Ggt, "GGT"), ("inr", LiverTest.Inr, "INR"),
    ];

    public static string Short(string test)
    {
        foreach (var t in Tests)
        {
            if (t.Test.ToString() == test)
            {
                return t.Short;
            }
        }

        return test;
    }

    public static string Quadrant(EdishQuadrant quadrant) => quadrant switch
    {
        EdishQuadrant.PotentialHysLaw => "upper right: potential Hy's law — needs case review now (not automatically a Hy's law case)",
        EdishQuadrant.TemplesCorollary => "lower right: Temple's corollary — ALT raised without raised bilirubin",
        EdishQuadrant.HyperbilirubinaemiaOrCholestasis => "upper left: raised bilirubin without ALT ≥ 3× ULN (cholestasis, or e.g. Gilbert's syndrome)",
        _ => "lower left: normal or near normal",
    };

    public static string Times(decimal x) => x.ToString("0.##", CultureInfo.InvariantCulture) + "×";
}
