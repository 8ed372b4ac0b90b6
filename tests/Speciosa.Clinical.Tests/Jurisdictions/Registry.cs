using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Jurisdictions;

namespace Speciosa.Clinical.Tests.Jurisdictions;

/// <summary>Builds test entries: verified, checked on <see cref="Today"/>, in force from 2020-01-01 unless told.</summary>
internal static class Registry
{
    public static readonly DateOnly Today = new(2026, 11, 22);

    public static readonly Source TestSource = new("TEST-1", "Test statute");

    public static JurisdictionEntry Entry(
        string id,
        string country,
        string? subdivision = null,
        string? locality = null,
        LegalStatus status = LegalStatus.Regulated,
        DateOnly? effective = null,
        DateOnly? lastVerified = null,
        bool verified = true) => new()
        {
            Id = id,
            Country = country,
            Subdivision = subdivision,
            Locality = locality,
            Status = status,
            StatusText = status.ToString(),
            Effective = EffectiveDate.On(effective ?? new DateOnly(2020, 1, 1)),
            Sources = [TestSource],
            LastVerified = lastVerified ?? Today,
            Verified = verified,
        };

    public static PatientCircumstances Adult { get; } = new(new DateOnly(1980, 6, 15));
}
