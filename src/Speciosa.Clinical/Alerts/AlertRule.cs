namespace Speciosa.Clinical.Alerts;

/// <summary>A rule in the catalogue: stable id, version (bumped whenever its logic or threshold
/// changes), severity and the published source it implements.</summary>
public sealed record AlertRule(string Id, int Version, AlertSeverity Severity, string Title, Source Source);
