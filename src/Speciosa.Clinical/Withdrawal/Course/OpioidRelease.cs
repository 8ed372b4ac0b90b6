using System.Text.Json.Serialization;

namespace Speciosa.Clinical.Withdrawal.Course;

/// <summary>Formulation of the opioid last used, which decides its withdrawal course (IR oxycodone is
/// short-acting, ER oxycodone is not). <see cref="Any"/> appears only in knowledge mappings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OpioidRelease>))]
public enum OpioidRelease
{
    [JsonStringEnumMemberName("any")]
    Any,

    [JsonStringEnumMemberName("immediate")]
    Immediate,

    [JsonStringEnumMemberName("extended")]
    Extended,
}
