namespace Speciosa.Clinical.Regimens;

/// <summary>What became of a dose that was due (issue 15 item 2; a medication administration record's "given, held or
/// refused", and "missed" for a patient who did not come). Only a given dose counts against the order's limits, in
/// the charts and in intake; every other status needs its reason.</summary>
public enum DoseStatus
{
    Given = 0,
    Held = 1,
    Refused = 2,
    Missed = 3,
}

/// <summary>Reads and checks a dose status as people and API clients write it.</summary>
public static class DoseStatuses
{
    public const int MaxReasonLength = 500;
    public const int MaxNoteLength = 1000;

    /// <summary>The names a client may send, in the order a form lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["given", "held", "refused", "missed"];

    /// <summary>"given", "held", "refused" or "missed" (any case); null or empty is given. Anything else is null.</summary>
    public static DoseStatus? Parse(string? text) => string.IsNullOrWhiteSpace(text) ? DoseStatus.Given
        : text.Trim().ToLowerInvariant() switch
        {
            "given" => DoseStatus.Given,
            "held" => DoseStatus.Held,
            "refused" => DoseStatus.Refused,
            "missed" => DoseStatus.Missed,
            _ => null,
        };

    /// <summary>The problem with a status and its reason, or null: a dose not given says why (held by whom and for
    /// what, refused by the patient, missed because they did not come); a given dose needs none.</summary>
    public static string? ReasonProblem(DoseStatus status, string? reason) => status switch
    {
        DoseStatus.Given => null,
        _ when string.IsNullOrWhiteSpace(reason) => $"Say why the dose was {Word(status)}: a dose not given needs its reason.",
        _ when reason.Trim().Length > MaxReasonLength => $"The reason is at most {MaxReasonLength} characters.",
        _ => null,
    };

    /// <summary>The status in words: given, held, refused, missed.</summary>
    public static string Word(DoseStatus status) => status.ToString().ToLowerInvariant();
}
