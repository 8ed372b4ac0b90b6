namespace Speciosa.Clinical.Liver;

/// <summary>The clinic's default upper limits of normal, used when a result arrives without the lab's
/// reference range. Configured by the caller; the core ships no default figures.</summary>
public sealed class ClinicUlnDefaults
{
    private readonly Dictionary<LiverTest, (decimal Value, string Unit)> _limits = [];

    public static ClinicUlnDefaults None { get; } = new();

    /// <summary>Returns a copy with <paramref name="test"/>'s default ULN set, in <paramref name="unit"/> (UCUM).</summary>
    public ClinicUlnDefaults With(LiverTest test, decimal value, string unit)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "An upper limit of normal must be positive.");
        }

        var copy = new ClinicUlnDefaults();
        foreach (var (key, limit) in _limits)
        {
            copy._limits[key] = limit;
        }

        copy._limits[test] = (value, unit);
        return copy;
    }

    public bool TryGet(LiverTest test, out decimal value, out string unit)
    {
        var found = _limits.TryGetValue(test, out var limit);
        (value, unit) = found ? limit : (0m, string.Empty);
        return found;
    }
}
