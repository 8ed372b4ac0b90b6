namespace Speciosa.Web.Alerts;

public sealed record AlertInputView(string Name, string Value);

public sealed record AlertView(
    Guid Id, Guid PatientId, string RuleId, int RuleVersion, string Severity, string ConditionKey, string Message,
    IReadOnlyList<AlertInputView> Inputs, string Threshold, string SourceCitation, string? SourceUrl, string Status,
    DateTimeOffset RaisedAt);
