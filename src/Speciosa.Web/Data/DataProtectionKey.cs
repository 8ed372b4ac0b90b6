namespace Speciosa.Web.Data;

/// <summary>An ASP.NET Core data-protection key kept in the database, so every app instance can read
/// cookies and antiforgery tokens issued by the others.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public required string FriendlyName { get; set; }
    public required string Xml { get; set; }
}
