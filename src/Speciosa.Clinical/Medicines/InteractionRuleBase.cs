using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Medicines;

/// <summary>The versioned kratom interaction rule base read from <c>knowledge/interactions/rules.json</c>.
/// <see cref="Version"/> is the file's version, carried on every screening result so a finding can be traced
/// to the rule base that produced it.</summary>
public sealed class InteractionRuleBase
{
    private readonly Dictionary<string, InteractionRule> _byId;

    public InteractionRuleBase(int version, string asOf, IEnumerable<InteractionRule> rules)
    {
        Version = version;
        AsOf = asOf;
        Rules = rules.ToList();
        _byId = Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    public static InteractionRuleBase Default { get; } = Load();

    public int Version { get; }

    public string AsOf { get; }

    public IReadOnlyList<InteractionRule> Rules { get; }

    public InteractionRule Get(string id) =>
        _byId.TryGetValue(id, out var rule) ? rule : throw new KeyNotFoundException($"Interaction rule '{id}' is not in the rule base.");

    /// <summary>The rules a co-medication can trigger.</summary>
    public IEnumerable<InteractionRule> MedicineRules => Rules.Where(r => r.Trigger == InteractionTrigger.Medicine);

    /// <summary>The rules that apply to a kratom lot whose certificate of analysis has no adulterant screen.</summary>
    public IEnumerable<InteractionRule> UnscreenedLotRules => Rules.Where(r => r.Trigger == InteractionTrigger.LotWithoutAdulterantScreen);

    /// <summary>The alert-catalogue entry for a rule: same id and version, its severity, and its first source.</summary>
    public static AlertRule ToAlertRule(InteractionRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new AlertRule(rule.Id, rule.Version, rule.Severity, rule.Title, InteractionSources.Get(rule.Sources[0]));
    }

    private static InteractionRuleBase Load()
    {
        var file = KnowledgeFile.Read<RulesFile>("interactions/rules.json");
        return new InteractionRuleBase(file.Version, file.AsOf, file.Rules.Select(r => r.ToRule()));
    }

    private sealed record RulesFile(int Version, string AsOf, IReadOnlyList<RuleEntry> Rules);

    // Severity is read as text because AlertSeverity is shared and carries no JSON converter of its own.
    private sealed record RuleEntry(
        string Id,
        int Version,
        string AsOf,
        string Title,
        InteractionTrigger Trigger,
        IReadOnlyList<string> Classes,
        IReadOnlyList<string> Substances,
        InteractionMechanism Mechanism,
        string Severity,
        string Effect,
        string Monitoring,
        EvidenceLevel EvidenceLevel,
        string EvidenceSummary,
        IReadOnlyList<InteractionEvidence> Evidence,
        IReadOnlyList<string> Sources,
        bool Unconfirmed,
        string? UnconfirmedNote = null)
    {
        public InteractionRule ToRule() => new(
            Id, Version, AsOf, Title, Trigger, Classes, Substances, Mechanism,
            Enum.Parse<AlertSeverity>(Severity, ignoreCase: false),
            Effect, Monitoring, EvidenceLevel, EvidenceSummary, Evidence, Sources, Unconfirmed, UnconfirmedNote);
    }
}
