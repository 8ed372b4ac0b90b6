using System.Text.Json.Serialization;

namespace Speciosa.Clinical.Products;

/// <summary>How a standard judges an analyte.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LimitKind>))]
public enum LimitKind
{
    /// <summary>Content (concentration or count) at most / below a figure.</summary>
    ContentMax,

    /// <summary>Content × the product's maximum daily grams at most a daily exposure (USP &lt;2232&gt; PDE).</summary>
    DailyExposureMax,

    /// <summary>Absent in a test portion of stated grams.</summary>
    Absence,

    /// <summary>Share of total alkaloids at most a percent (7-OH ≤ 2%).</summary>
    ShareOfTotalAlkaloidsMax,

    /// <summary>Measured content within a percent of the label claim.</summary>
    LabelClaim,

    /// <summary>Must be on the certificate; no limit.</summary>
    Reported,

    /// <summary>Any detection fails.</summary>
    NotDetected,
}
