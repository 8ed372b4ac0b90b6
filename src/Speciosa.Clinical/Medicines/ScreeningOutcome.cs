using System.Text.Json.Serialization;

namespace Speciosa.Clinical.Medicines;

/// <summary>The answer for one medicine. <see cref="NoKnownInteraction"/> and <see cref="NoData"/> are
/// deliberately different: the first means its classes are known and no rule matches them; the second means
/// the screening could not tell what the medicine is, so absence of an alert says nothing.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScreeningOutcome>))]
public enum ScreeningOutcome
{
    /// <summary>One or more rules match.</summary>
    InteractionsFound,

    /// <summary>The medicine's classes are known and no rule in this rule base covers them.</summary>
    NoKnownInteraction,

    /// <summary>No recognised class was recorded and the medicine is not in the catalogue.</summary>
    NoData,
}
