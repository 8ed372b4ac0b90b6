using System.Text.Json.Serialization;

namespace Speciosa.Clinical.Medicines;

/// <summary>The answer for one medicine. <see cref="NoKnownInteraction"/> and <see cref="NoData"/> are
/// deliberately different: the first means its classes are known and no rule matches them; the second means
/// the screening could not tell what the medicine is, so absence of an alert says nothing; <see cref="ClassTooBroad"/> means
/// it is known only by a class too broad to screen, which says nothing either.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScreeningOutcome>))]
public enum ScreeningOutcome
{
    /// <summary>One or more rules match.</summary>
    InteractionsFound,

    /// <summary>The medicine's classes are known and no rule in this rule base covers them.</summary>
    NoKnownInteraction,

    /// <summary>No recognised class was recorded and the medicine is not in the catalogue.</summary>
    NoData,

    /// <summary>No rule matches, and what is known of the medicine is only a class too broad to screen (e.g.
    /// "antidepressant"): absence of an alert says nothing (clinical audit E10).</summary>
    ClassTooBroad,
}
