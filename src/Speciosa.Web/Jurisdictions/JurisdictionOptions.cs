using Speciosa.Clinical.Jurisdictions;

namespace Speciosa.Web.Jurisdictions;

/// <summary>Configuration section <c>Jurisdictions</c>.</summary>
public sealed class JurisdictionOptions
{
    public const string Section = "Jurisdictions";

    /// <summary>An entry last verified longer ago than this is shown, and warned about, as stale.</summary>
    public int StaleAfterDays { get; set; } = LegalStatusEvaluator.DefaultStaleAfterDays;
}
