using System.Text.Json.Serialization;

namespace Speciosa.Clinical.Products;

/// <summary>How a laboratory qualified a result (SENAITE: "Detected but &lt; LLOQ", "Not detected", "&lt; LLOD").</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResultQualifier>))]
public enum ResultQualifier
{
    /// <summary>Quantified: the value is the measurement (for presence tests: present).</summary>
    Detected,

    /// <summary>Not detected; the true value is below the LOD, when one is stated (for presence tests: absent).</summary>
    NotDetected,

    /// <summary>Detected but below the limit of quantification: the true value is below the LOQ.</summary>
    BelowLoq,

    /// <summary>Below the limit of detection: the true value is below the LOD.</summary>
    BelowLod,
}
