using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.MentalHealth;

/// <summary>One sex-specific AUDIT-C screening cut-off with its source.</summary>
public sealed record AuditCCutoff
{
    public required string Sex { get; init; }
    public required int PositiveFrom { get; init; }
    public required Source Source { get; init; }
}

/// <summary>The AUDIT-C cut-off file (<c>mental-health/audit-c-cutoffs.json</c>).</summary>
public sealed record AuditCCutoffs
{
    public required int Version { get; init; }
    public required string AsOf { get; init; }
    public IReadOnlyList<AuditCCutoff> Cutoffs { get; init; } = [];
    public IReadOnlyList<string> Notes { get; init; } = [];

    private static readonly Lazy<AuditCCutoffs> Embedded = new(() => KnowledgeFile.Read<AuditCCutoffs>("mental-health/audit-c-cutoffs.json"));

    public static AuditCCutoffs Default => Embedded.Value;
}

/// <summary>An AUDIT-C total read against the screening cut-off for the recorded sex. <see cref="ValidatedForSex"/> is
/// false when no cut-off is published for that sex (the lower one was used, and the wording says so).</summary>
public sealed record AuditCReading(int Total, bool Positive, int PositiveFrom, bool ValidatedForSex, string Wording, Source Source);

/// <summary>Reads an AUDIT-C total against the commonly used sex-specific cut-offs (4 or more men, 3 or more women;
/// Bush 1998, Bradley 2003). Studies differ; the cut-offs are data, shown with their sources.</summary>
public static class AuditCScreen
{
    public static AuditCReading Read(int total, string? sex, AuditCCutoffs? cutoffs = null)
    {
        cutoffs ??= AuditCCutoffs.Default;
        var own = cutoffs.Cutoffs.FirstOrDefault(c => string.Equals(c.Sex, sex, StringComparison.OrdinalIgnoreCase));
        var used = own ?? cutoffs.Cutoffs.MinBy(c => c.PositiveFrom)
            ?? throw new InvalidOperationException("The AUDIT-C cut-off file holds no cut-off.");
        var positive = total >= used.PositiveFrom;
        var basis = own is null
            ? $"{used.PositiveFrom} or more, the lower published cut-off: none is validated for the recorded sex ({sex ?? "not recorded"})"
            : $"{used.PositiveFrom} or more ({own.Sex})";
        var wording = (positive ? "Positive screen" : "Below the screening cut-off") + $": AUDIT-C {total} against {basis}.";
        return new AuditCReading(total, positive, used.PositiveFrom, own is not null, wording, used.Source);
    }
}
