using System.Text.Json.Serialization;

namespace Speciosa.Clinical.Liver;

/// <summary>The liver tests the core evaluates; codes and units live in <c>knowledge/liver/tests.json</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LiverTest>))]
public enum LiverTest
{
    Alt,
    Ast,
    Alp,
    TotalBilirubin,
    Ggt,
    Inr,
}
