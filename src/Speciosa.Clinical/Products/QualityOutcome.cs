using System.Text.Json.Serialization;

namespace Speciosa.Clinical.Products;

/// <summary>Outcome of a judgement, ordered so that the worst wins: a fail outranks an incomplete,
/// and an incomplete is never a pass.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QualityOutcome>))]
public enum QualityOutcome
{
    Pass = 0,
    Incomplete = 1,
    Fail = 2,
}
