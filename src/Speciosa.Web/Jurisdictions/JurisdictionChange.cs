namespace Speciosa.Web.Jurisdictions;

/// <summary>Append-only history of the registry: who changed which entry, when, why, and the entry before
/// and after (JSON, the import format of one entry). Rows are only ever inserted.</summary>
public sealed class JurisdictionChange
{
    public long Id { get; set; }
    public required string EntryId { get; set; }

    /// <summary>Seeded, Created, Updated or Imported.</summary>
    public required string Kind { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
    public Guid? ChangedByUserId { get; set; }

    /// <summary>The user name at the time, kept so history reads without joining accounts of other clinics.</summary>
    public string? ChangedBy { get; set; }

    public required string Reason { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }

    /// <summary>The approved <see cref="JurisdictionProposal"/> this change applied (four eyes), naming who proposed it.</summary>
    public long? ProposalId { get; set; }
}

public static class JurisdictionChangeKinds
{
    public const string Seeded = "Seeded";
    public const string Created = "Created";
    public const string Updated = "Updated";
    public const string Imported = "Imported";
}
