namespace Speciosa.Clinical.Jurisdictions;

/// <summary>An active patient (by opaque id) and where they are supplied.</summary>
public sealed record ActivePatientLocation(string PatientId, PatientLocation Location);
