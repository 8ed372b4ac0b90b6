namespace Speciosa.Clinical.Jurisdictions;

public enum EnforcementReasonKind
{
    // Refusals
    Banned = 0,
    UnderMinimumAge = 1,
    SevenOhOverLimit = 2,
    PregnancyExcluded = 3,
    BreastfeedingExcluded = 4,

    // Warnings
    StatusUnknown = 10,
    EntryStale = 11,
    EntryUnverified = 12,
    ChangeAnnounced = 13,
    SevenOhCannotBeJudged = 14,
}
