using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Jurisdictions;

/// <summary>One reason behind a decision, in words, with the sources of the entry it rests on.</summary>
public sealed record EnforcementReason(EnforcementReasonKind Kind, bool Refuses, string Text, IReadOnlyList<Source> Sources);
