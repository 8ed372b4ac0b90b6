namespace Speciosa.Web.Clinics;

/// <summary>The organisation users and patients belong to. Staff see only their own clinic's patients.</summary>
public sealed class Clinic
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    /// <summary>IANA time zone the clinic displays times in (storage is always UTC).</summary>
    public required string TimeZone { get; set; }
    /// <summary>A demo clinic holds made-up people only; every page says DEMO while one exists.</summary>
    public bool IsDemo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
