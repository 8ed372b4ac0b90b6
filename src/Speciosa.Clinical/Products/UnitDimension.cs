using System.Text.Json.Serialization;

namespace Speciosa.Clinical.Products;

/// <summary>What a unit measures; values convert only within one dimension (mg/serving converts to a
/// mass fraction given the serving size).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UnitDimension>))]
public enum UnitDimension
{
    MassFraction,
    MassPerServing,
    CountPerMass,
    Presence,
    DailyMass,
    ShareOfTotalAlkaloids,
    ShareOfClaim,
}
