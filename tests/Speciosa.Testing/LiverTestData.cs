namespace Speciosa.Testing;

/// <summary>Liver panels for tests.</summary>
public static class LiverTestData
{
    /// <summary>A lab-API body meeting Hy's law: ALT 200/40 = 5× ULN, AST 150/40, ALP 100/120 &lt; 2× ULN,
    /// bilirubin 3.0/1.2 = 2.5× ULN.</summary>
    public static object HysLawPanel(DateTimeOffset at) => new
    {
        results = new object[]
        {
            new { test = "alt", value = 200m, unit = "U/L", upperLimitOfNormal = 40m, collectedAt = at },
            new { test = "ast", value = 150m, unit = "U/L", upperLimitOfNormal = 40m, collectedAt = at },
            new { test = "alp", value = 100m, unit = "U/L", upperLimitOfNormal = 120m, collectedAt = at },
            new { test = "total-bilirubin", value = 3.0m, unit = "mg/dL", upperLimitOfNormal = 1.2m, collectedAt = at },
        },
    };
}
