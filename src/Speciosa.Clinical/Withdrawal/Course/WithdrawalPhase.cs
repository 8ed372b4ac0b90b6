namespace Speciosa.Clinical.Withdrawal.Course;

/// <summary>Where a moment falls in the expected course of a withdrawal episode.</summary>
public enum WithdrawalPhase
{
    /// <summary>The moment is before the last use that starts the episode.</summary>
    BeforeEpisode,

    /// <summary>The knowledge data gives no figures to place the moment (e.g. illicit fentanyl).</summary>
    NotKnown,

    /// <summary>Before the earliest expected onset.</summary>
    BeforeExpectedOnset,

    /// <summary>Within the expected onset window.</summary>
    OnsetWindow,

    /// <summary>After the onset window, before the expected peak window.</summary>
    BeforePeak,

    /// <summary>After the onset window, where no peak figures exist (ER formulations), before the expected end.</summary>
    AfterOnset,

    /// <summary>Within the expected peak window.</summary>
    PeakWindow,

    /// <summary>After the peak window, before acute symptoms are expected to end at the earliest.</summary>
    AfterPeak,

    /// <summary>Within the range in which acute symptoms are expected to end.</summary>
    AcuteEndWindow,

    /// <summary>After the latest expected end of acute withdrawal.</summary>
    PastExpectedDuration,
}
