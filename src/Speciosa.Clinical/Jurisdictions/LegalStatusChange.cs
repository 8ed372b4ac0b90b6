using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Jurisdictions;

/// <summary>A patient whose applicable legal status differs between two versions of the registry.</summary>
public sealed record LegalStatusChange(string PatientId, ApplicableLegalStatus Before, ApplicableLegalStatus After, Alert Alert);
