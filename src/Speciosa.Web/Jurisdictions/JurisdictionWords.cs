using Speciosa.Clinical.Jurisdictions;

namespace Speciosa.Web.Jurisdictions;

/// <summary>Statuses in words for pages (never colour alone).</summary>
public static class JurisdictionWords
{
    public static string Status(LegalStatus status) => status switch
    {
        LegalStatus.Banned => "Banned",
        LegalStatus.SevenOhRestricted => "7-OH restricted",
        LegalStatus.Regulated => "Legal, regulated",
        LegalStatus.LegalUnregulated => "Legal, not regulated",
        _ => "Unknown",
    };
}
