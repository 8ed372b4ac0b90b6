namespace Speciosa.Clinical.Alerts;

/// <summary>One named input a rule looked at, rendered for the clinician (e.g. "COWS total" = "38").</summary>
public sealed record AlertInput(string Name, string Value);

/// <summary>A raised alert: which rule, on what condition (the key that keeps one open alert per rule
/// and condition), why in words, the inputs it saw and the threshold it compared them with.</summary>
public sealed record Alert(
    AlertRule Rule,
    string ConditionKey,
    string Message,
    IReadOnlyList<AlertInput> Inputs,
    string Threshold);
