namespace Speciosa.Clinical.Alerts;

/// <summary>A published source a rule or figure rests on. <see cref="Unconfirmed"/> marks figures the
/// reference could not confirm from two independent sources: they are configuration, shown as such.</summary>
public sealed record Source(string Id, string Citation, string? Url = null, bool Unconfirmed = false);
