namespace Speciosa.Clinical.Medicines;

/// <summary>A rule that matched a medicine, with what matched it: the medicine's classes the rule covers,
/// and whether the rule names the medicine itself.</summary>
public sealed record InteractionMatch(InteractionRule Rule, IReadOnlyList<string> MatchedClasses, bool MatchedByName)
{
    /// <summary>"class opioid", "named substance", or both, for display.</summary>
    public string MatchedBy =>
        string.Join(
            "; ",
            MatchedClasses.Select(c => "class " + c).Concat(MatchedByName ? ["named in the rule"] : Array.Empty<string>()));
}
