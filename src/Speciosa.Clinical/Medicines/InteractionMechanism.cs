using System.Text.Json.Serialization;

namespace Speciosa.Clinical.Medicines;

/// <summary>How an interaction arises (kratom-safety.md section 2): additive effect at receptors,
/// a change in another drug's exposure, or a contaminant in the kratom product itself.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InteractionMechanism>))]
public enum InteractionMechanism
{
    Pharmacodynamic,
    Pharmacokinetic,
    Adulterant,
}
