namespace Speciosa.Web.Patients;

/// <summary>A country or region a patient form offers: its ISO 3166 code and its name.</summary>
public sealed record PlaceChoice(string Code, string Name);

/// <summary>The countries and regions the patient forms list instead of asking for typed ISO codes (issue 15 item 4).
/// Owned by Patients; Jurisdictions provides them from its place knowledge. Without one, the forms ask for the codes.</summary>
public interface IPlaceChoices
{
    IReadOnlyList<PlaceChoice> Countries { get; }

    /// <summary>Regions (ISO 3166-2), each code starting with its country's code and a hyphen.</summary>
    IReadOnlyList<PlaceChoice> Regions { get; }
}
