using System.Text.Json.Serialization;

namespace Speciosa.Clinical.Medicines;

/// <summary>What one piece of evidence found: a signal, no signal (a negative study), or nothing specific to kratom.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EvidenceFinding>))]
public enum EvidenceFinding
{
    Supports,
    DoesNotSupport,
    NoneFound,
}
