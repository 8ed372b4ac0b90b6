using System.Text.Json.Serialization;

namespace Speciosa.Clinical.Products;

/// <summary>Whether a limit admits its own figure: USP writes "≤", Utah's metals "&lt;".</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LimitComparison>))]
public enum LimitComparison
{
    AtMost,
    LessThan,
}
