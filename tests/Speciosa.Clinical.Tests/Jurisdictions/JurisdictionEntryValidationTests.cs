using Speciosa.Clinical.Jurisdictions;
using Xunit;

namespace Speciosa.Clinical.Tests.Jurisdictions;

public class JurisdictionEntryValidationTests
{
    private static readonly SourceDocument Statute = new("S1", "Test statute", "https://example.org/statute");

    private static JurisdictionEntryDocument Valid { get; } = new()
    {
        Id = "us-ut",
        Country = "US",
        Subdivision = "US-UT",
        Status = "Regulated",
        StatusText = "KCPA",
        Effective = "2019-05-14",
        MinimumAge = 18,
        SevenOhLimit = new SevenOhLimitDocument(2m, "ShareOfAlkaloids", true),
        Conditions = ["NoSyntheticAlkaloids"],
        Sources = ["S1"],
        LastVerified = "2026-11-22",
        Verified = true,
    };

    private static JurisdictionRegistryReading Read(params JurisdictionEntryDocument[] entries) =>
        JurisdictionRegistryReader.Read(new JurisdictionRegistryDocument { Sources = [Statute], Entries = entries });

    private static IReadOnlyDictionary<string, string[]> ErrorsFor(JurisdictionEntryDocument entry) => Read(entry).Errors;

    [Fact]
    public void A_well_formed_entry_is_read()
    {
        var reading = Read(Valid);

        Assert.True(reading.IsValid);
        var entry = Assert.Single(reading.Entries);
        Assert.Equal(JurisdictionLevel.Subdivision, entry.Level);
        Assert.Equal(new SevenOhLimit(2m, SevenOhBasis.ShareOfAlkaloids, true), entry.SevenOhLimit);
        Assert.Equal("https://example.org/statute", Assert.Single(entry.Sources).Url);
    }

    [Theory]
    [InlineData("us")]
    [InlineData("USA")]
    [InlineData("")]
    public void A_country_that_is_not_iso_alpha_2_is_rejected(string country)
    {
        Assert.Contains("entries[0].country", ErrorsFor(Valid with { Country = country }).Keys);
    }

    [Theory]
    [InlineData("CA-ON")]
    [InlineData("US_AL")]
    [InlineData("USAL")]
    [InlineData("US-ALAB")]
    public void A_subdivision_that_is_malformed_or_in_another_country_is_rejected(string subdivision)
    {
        Assert.Contains("entries[0].subdivision", ErrorsFor(Valid with { Subdivision = subdivision }).Keys);
    }

    [Fact]
    public void A_locality_without_its_subdivision_is_rejected()
    {
        Assert.Contains("entries[0].locality", ErrorsFor(Valid with { Subdivision = null, Locality = "San Diego" }).Keys);
    }

    [Fact]
    public void A_missing_effective_date_is_rejected()
    {
        Assert.Contains("entries[0].effective", ErrorsFor(Valid with { Effective = null }).Keys);
    }

    [Fact]
    public void An_unconfirmed_effective_date_is_accepted_only_on_an_unverified_entry()
    {
        Assert.Contains("entries[0].effective", ErrorsFor(Valid with { Effective = "unconfirmed" }).Keys);
        Assert.True(Read(Valid with { Effective = "unconfirmed", Verified = false }).IsValid);
    }

    [Fact]
    public void A_missing_source_is_rejected()
    {
        Assert.Contains("entries[0].sources", ErrorsFor(Valid with { Sources = [] }).Keys);
        Assert.Contains("entries[0].sources[0]", ErrorsFor(Valid with { Sources = ["S404"] }).Keys);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100.01")]
    [InlineData("-1")]
    public void A_seven_oh_limit_outside_0_to_100_percent_is_rejected(string percent)
    {
        var limit = new SevenOhLimitDocument(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture), "ShareOfWeight", true);

        Assert.Contains("entries[0].sevenOhLimit.percent", ErrorsFor(Valid with { SevenOhLimit = limit }).Keys);
    }

    [Fact]
    public void A_seven_oh_limit_needs_its_basis()
    {
        Assert.Contains("entries[0].sevenOhLimit.basis", ErrorsFor(Valid with { SevenOhLimit = new SevenOhLimitDocument(2m, null, true) }).Keys);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(121)]
    public void A_minimum_age_out_of_range_is_rejected(int age)
    {
        Assert.Contains("entries[0].minimumAge", ErrorsFor(Valid with { MinimumAge = age }).Keys);
    }

    [Theory]
    [InlineData("Unknown")]
    [InlineData("2")]
    [InlineData("banned")]
    public void A_status_that_is_not_a_registry_status_name_is_rejected(string status)
    {
        Assert.Contains("entries[0].status", ErrorsFor(Valid with { Status = status }).Keys);
    }

    [Fact]
    public void One_wrong_entry_rejects_the_whole_file_and_names_every_field()
    {
        var reading = Read(Valid, Valid with { Id = "bad", Country = "usa", LastVerified = "22/11/2026" });

        Assert.False(reading.IsValid);
        Assert.Empty(reading.Entries);
        Assert.Contains("entries[1].country", reading.Errors.Keys);
        Assert.Contains("entries[1].lastVerified", reading.Errors.Keys);
        Assert.DoesNotContain(reading.Errors.Keys, k => k.StartsWith("entries[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_entries_for_one_place_and_date_or_with_one_id_are_rejected()
    {
        var reading = Read(Valid, Valid with { StatusText = "again" });

        Assert.Contains("entries[1].id", reading.Errors.Keys);
        Assert.Contains("entries[1].effective", reading.Errors.Keys);
    }

    [Fact]
    public void Unreadable_json_is_rejected_without_throwing()
    {
        var reading = JurisdictionRegistryReader.Parse("{ \"entries\": [ { \"minimumAge\": \"eighteen\" } ] }");

        Assert.False(reading.IsValid);
        Assert.Contains("entries[0].minimumAge", reading.Errors.Keys);
    }

    [Fact]
    public void A_source_url_must_be_an_absolute_web_address()
    {
        var reading = JurisdictionRegistryReader.Read(new JurisdictionRegistryDocument { Sources = [Statute with { Url = "ftp://x" }], Entries = [Valid] });

        Assert.Contains("sources[0].url", reading.Errors.Keys);
    }
}
