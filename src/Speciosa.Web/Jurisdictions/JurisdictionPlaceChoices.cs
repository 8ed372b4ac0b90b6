using Speciosa.Clinical.Jurisdictions;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Jurisdictions;

/// <summary>The address lists of the patient forms, from <see cref="PlaceNames"/> (every place the registry names, and more).</summary>
public sealed class JurisdictionPlaceChoices : IPlaceChoices
{
    public IReadOnlyList<PlaceChoice> Countries { get; } = PlaceNames.Default.Countries.Select(c => new PlaceChoice(c.Code, c.Name)).ToList();

    public IReadOnlyList<PlaceChoice> Regions { get; } = PlaceNames.Default.Regions.Select(r => new PlaceChoice(r.Code, r.Name)).ToList();
}
