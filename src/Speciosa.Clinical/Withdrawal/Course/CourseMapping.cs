using System.Text.Json.Serialization;

namespace Speciosa.Clinical.Withdrawal.Course;

/// <summary>Which course class a substance (in a given release, or any) follows; unconfirmed where the
/// reference does not name the substance.</summary>
public sealed record CourseMapping
{
    public required string Substance { get; init; }
    public required OpioidRelease Release { get; init; }

    [JsonPropertyName("class")]
    public required string ClassId { get; init; }

    public bool Unconfirmed { get; init; }
}

/// <summary>The course class found for a substance, and whether that mapping is unconfirmed.</summary>
public sealed record CourseClassMatch(WithdrawalCourseClass Class, bool MappingUnconfirmed);
