namespace Speciosa.Clinical.Jurisdictions;

/// <summary>What the law allows at a place, from least to most restrictive. <see cref="Unknown"/> is what the
/// evaluator answers when no registry entry applies; a registry entry never carries it.</summary>
public enum LegalStatus
{
    Unknown = 0,

    /// <summary>Legal and not specifically regulated.</summary>
    LegalUnregulated = 1,

    /// <summary>Legal under a regulation, e.g. a Kratom Consumer Protection Act (age, labels, 7-OH caps).</summary>
    Regulated = 2,

    /// <summary>7-OH (or high-7-OH products) prohibited while natural leaf remains lawful.</summary>
    SevenOhRestricted = 3,

    /// <summary>Scheduled, prohibited or controlled: supply is an offence.</summary>
    Banned = 4,
}
