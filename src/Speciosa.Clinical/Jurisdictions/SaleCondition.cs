namespace Speciosa.Clinical.Jurisdictions;

/// <summary>Structured conditions a law attaches to sale. The pregnancy and breastfeeding ones are enforced
/// per patient; the others are shown to the clinician with the entry's own wording.</summary>
public enum SaleCondition
{
    NoSaleToPregnantWomen = 0,
    NoSaleToBreastfeedingWomen = 1,
    NaturalLeafProductsOnly = 2,
    NoSyntheticAlkaloids = 3,
    AlkaloidLabellingRequired = 4,
    ProductRegistrationRequired = 5,
    LicensedSellersOnly = 6,
    BehindTheCounterSale = 7,
    OnlineAgeVerification = 8,
    PregnancyWarningLabel = 9,
    RestrictedPlacesOfSale = 10,
    NoVendingMachineSale = 11,
    NoRecreationalAdvertising = 12,
}
