namespace Speciosa.Clinical.Liver;

/// <summary>The liver tests from one collection time (one draw).</summary>
public sealed record LiverPanel(DateTimeOffset CollectedAt, IReadOnlyDictionary<LiverTest, LiverMeasurement> Measurements)
{
    public LiverMeasurement? this[LiverTest test] => Measurements.GetValueOrDefault(test);

    /// <summary>Multiple of ULN for <paramref name="test"/> in this panel, or null if not measured.</summary>
    public UlnMultiple? TimesUln(LiverTest test) => this[test]?.TimesUln;

    /// <summary>Groups measurements into panels by exact collection time, oldest first. If a test appears
    /// twice at one time the later-listed result wins (a correction).</summary>
    public static IReadOnlyList<LiverPanel> Group(IEnumerable<LiverMeasurement> measurements) =>
        measurements
            .GroupBy(m => m.CollectedAt)
            .OrderBy(g => g.Key)
            .Select(g => new LiverPanel(g.Key, g.GroupBy(m => m.Test).ToDictionary(t => t.Key, t => t.Last())))
            .ToList();
}
