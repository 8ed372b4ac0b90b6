using System.Globalization;
using Speciosa.Clinical.Liver;

namespace Speciosa.Web.Liver;

/// <summary>Liver results in words for the pages: test names and CTCAE grades (the eDISH quadrant is worded by the core,
/// <see cref="EdishWording"/>, always with the Hy's law verdict).</summary>
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

    /// <summary>A CTCAE v5 grade in words: "grade 1 (&gt;ULN-3.0×ULN)", "not graded (INR)" when there is none.</summary>
    public static string Grade(CtcaeGrade? grade, LiverTest test) => grade is { } g
        ? $"grade {g.Grade} ({g.Band}{(g.Form == CtcaeForm.BaselineAbnormal ? ", vs abnormal baseline" : "")})"
        : test == LiverTest.Inr ? "not graded here (INR)" : "not graded";

    public static string Times(decimal x) => x.ToString("0.##", CultureInfo.InvariantCulture) + "×";
}
