using System.Text.Json;
using System.Text.Json.Serialization;
using Speciosa.Clinical.Regimens;

namespace Speciosa.Web.Regimens;

/// <summary>How breaks, titration plans, taper calendars and confirmed legal warnings are kept in the version row:
/// the core's own records as JSON (enums by name), so what was ordered is what is read back.</summary>
public static class RegimenJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Read<T>(string? json) where T : class =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<T>(json, Options);

    public static IReadOnlyList<PlannedBreak> Breaks(RegimenVersion v) => Read<List<PlannedBreak>>(v.BreaksJson) ?? [];

    /// <summary>The core's order for a stored version: exactly what the clinician configured.</summary>
    public static RegimenOrder OrderOf(RegimenVersion v) =>
        new(v.GramsPerAdministration, v.MaxGramsPerDay, v.StartDate, v.EndDate, v.MaxAdministrationsPerDay)
        {
            OrderedLotId = v.LotId?.ToString(),
            Breaks = Breaks(v),
            Titration = Read<TitrationPlan>(v.TitrationJson),
            Taper = Read<TaperCalendar>(v.TaperJson),
        };
}
