using System.Text.Json.Serialization;

namespace Speciosa.Clinical.Medicines;

/// <summary>The kind of evidence behind an interaction statement, as the reference describes it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EvidenceLevel>))]
public enum EvidenceLevel
{
    /// <summary>A controlled study in people (e.g. the NaPDI probe-cocktail study).</summary>
    ClinicalStudy,

    /// <summary>Poison-centre, mortality or cross-sectional data.</summary>
    Observational,

    /// <summary>Individual case reports or case series.</summary>
    CaseReports,

    /// <summary>A regulator's class warning that does not study kratom itself.</summary>
    RegulatoryWarning,

    /// <summary>Enzyme, cell or receptor-binding data.</summary>
    InVitro,

    /// <summary>Expected from pharmacology; not measured in people.</summary>
    MechanismBasedExpectation,
}
