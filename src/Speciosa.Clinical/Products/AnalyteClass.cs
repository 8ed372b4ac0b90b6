using System.Text.Json.Serialization;

namespace Speciosa.Clinical.Products;

/// <summary>What kind of thing a certificate of analysis measures.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AnalyteClass>))]
public enum AnalyteClass
{
    Alkaloid,
    Element,
    Microbe,
    Adulterant,
    ResidualSolvent,
}
