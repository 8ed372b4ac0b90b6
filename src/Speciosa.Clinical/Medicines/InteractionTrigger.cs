using System.Text.Json.Serialization;

namespace Speciosa.Clinical.Medicines;

/// <summary>What makes a rule apply: a co-medication of a covered class or substance, or a kratom lot
/// whose certificate of analysis has no adulterant screen (whatever the co-medication).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InteractionTrigger>))]
public enum InteractionTrigger
{
    Medicine,
    LotWithoutAdulterantScreen,
}
