namespace Speciosa.Web.Jurisdictions;

/// <summary>A registry edit that refuses supply (<see cref="Speciosa.Clinical.Jurisdictions.RegistryChangeApproval"/>),
/// kept pending until a second administrator approves or any administrator rejects it (issue 15 item 8, four eyes).
/// Nothing in the registry changes while it is pending; approval applies it through the same code as a direct edit and
/// the history rows name the proposal, so the history shows who proposed and who approved, and when.</summary>
public sealed class JurisdictionProposal
{
    public long Id { get; set; }

    /// <summary>The entry it creates or changes (no foreign key: a proposed new entry does not exist yet).</summary>
    public required string EntryId { get; set; }

    /// <summary>Created or Updated (<see cref="JurisdictionChangeKinds"/>).</summary>
    public required string Kind { get; set; }

    /// <summary>The entry as read when proposed, and as proposed (JSON, the import format of one entry).</summary>
    public string? Before { get; set; }
    public required string After { get; set; }

    /// <summary>The entry's concurrency stamp when proposed: approval refuses when the entry changed since.</summary>
    public string? EntryStamp { get; set; }

    public required string Reason { get; set; }

    /// <summary>Why it needs a second administrator, in words (one line per refusal it adds).</summary>
    public required string RefusesSupply { get; set; }

    public DateTimeOffset ProposedAt { get; set; }
    public Guid ProposedByUserId { get; set; }
    public required string ProposedBy { get; set; }

    /// <summary>Pending, Approved or Rejected (<see cref="JurisdictionProposalStatus"/>).</summary>
    public required string Status { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public string? DecidedBy { get; set; }

    /// <summary>A rejection's reason.</summary>
    public string? DecisionNote { get; set; }

    public required string ConcurrencyStamp { get; set; }
}

public static class JurisdictionProposalStatus
{
    public const string Pending = "Pending";
    public const string Approved = "Approved";
    public const string Rejected = "Rejected";
}
