using Speciosa.Clinical.Jurisdictions;
using Xunit;

namespace Speciosa.Clinical.Tests.Jurisdictions;

public sealed class PlaceNamesTests
{
    [Fact]
    public void Every_country_and_region_the_legal_registry_names_is_in_the_address_lists()
    {
        var places = PlaceNames.Default;
        foreach (var entry in JurisdictionRegistrySeed.Load())
        {
            Assert.Contains(places.Countries, c => c.Code == entry.Country);
            if (entry.Subdivision is { } sub)
            {
                Assert.Contains(places.Regions, r => r.Code == sub);
            }
        }

        Assert.Equal("Tennessee", places.RegionsOf("US").Single(r => r.Code == "US-TN").Name);
        Assert.Equal(52, places.RegionsOf("US").Count());
    }
}
