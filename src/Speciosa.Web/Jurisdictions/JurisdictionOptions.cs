using Speciosa.Clinical.Jurisdictions;

namespace Speciosa.Web.Jurisdictions;

/// <summary>Configuration section <c>Jurisdictions</c>.</summary>
public sealed class JurisdictionOptions
{
    public const string Section = "Jurisdictions";

    /// <summary>An entry last verified longer ago than this is shown, and warned about, as stale.</summary>
    public int StaleAfterDays { get; set; } = LegalStatusEvaluator.DefaultStaleAfterDays;

    /// <summary>"Changed recently" (the admin home's count and the registry list's filter): an entry created, edited or imported
    /// within this many days.</summary>
    public int ChangedWithinDays { get; set; } = 30;
}
