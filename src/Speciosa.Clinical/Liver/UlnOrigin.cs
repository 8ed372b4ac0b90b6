namespace Speciosa.Clinical.Liver;

/// <summary>Where a measurement's upper limit of normal came from.</summary>
public enum UlnOrigin
{
    /// <summary>The reporting lab's reference range, supplied with the result.</summary>
    Lab,

    /// <summary>The clinic's configured default (no range came with the result).</summary>
    ClinicDefault,

    /// <summary>None available; allowed only for tests the core does not grade against ULN (INR).</summary>
    None,
}
