using System.Text.Json.Serialization;

namespace Speciosa.Clinical.Medicines;

/// <summary>Where a medicine's class came from: the clinician's record or the class catalogue.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClassOrigin>))]
public enum ClassOrigin
{
    Recorded,
    Catalogue,
}
