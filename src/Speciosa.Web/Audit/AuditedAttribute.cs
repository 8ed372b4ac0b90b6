namespace Speciosa.Web.Audit;

/// <summary>Endpoint metadata: the audit action recorded for every request to this endpoint,
/// whatever its outcome (success, denied, rejected, not found, error). Put it on Razor pages as an
/// attribute, or on minimal API endpoints with <see cref="AuditEndpointExtensions.Audited{TBuilder}"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class AuditedAttribute(string action, string resourceType) : Attribute
{
    public string Action { get; } = action;
    public string ResourceType { get; } = resourceType;
}

public static class AuditEndpointExtensions
{
    public static TBuilder Audited<TBuilder>(this TBuilder builder, string action, string resourceType)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuditedAttribute(action, resourceType));
}
