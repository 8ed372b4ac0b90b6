namespace Speciosa.Web.Treatment;

/// <summary>An overdose-prevention step (table OverdosePreventionRecords): naloxone supplied, naloxone training given, or fentanyl
/// test strips offered (accepted or declined), on a clinic day, with an optional note (what was supplied, who was trained).
/// Never changed or deleted.</summary>
public sealed class OverdosePreventionRecord
{
    public Guid Id { get; set; }
    public Guid PatientId { get; set; }

    /// <summary><see cref="OverdosePreventionKinds"/>.</summary>
    public required string Kind { get; set; }

    public DateOnly OccurredOn { get; set; }

    /// <summary>For test strips: whether the patient took them; null for naloxone supply and training.</summary>
    public bool? Accepted { get; set; }

    public string? Note { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedByUserId { get; set; }
}

public static class OverdosePreventionKinds
{
    public const string NaloxoneSupplied = "naloxone-supplied";
    public const string NaloxoneTraining = "naloxone-training";
    public const string TestStripsOffered = "test-strips-offered";

    public static readonly IReadOnlyList<string> All = [NaloxoneSupplied, NaloxoneTraining, TestStripsOffered];

    public static string InWords(string kind) => kind switch
    {
        NaloxoneSupplied => "Naloxone supplied",
        NaloxoneTraining => "Naloxone training given",
        TestStripsOffered => "Fentanyl test strips offered",
        _ => kind,
    };
}

/// <summary>A discussion of medication for opioid use disorder (table TreatmentDiscussions): at enrolment or at a review, the
/// options offered and discussed, the patient's decision and reason, and the referral (to whom, when). Never changed.</summary>
public sealed class TreatmentDiscussion
{
    public Guid Id { get; set; }
    public Guid PatientId { get; set; }
    public required string Occasion { get; set; }
    public DateOnly DiscussedOn { get; set; }

    /// <summary>Comma-separated option ids (buprenorphine, methadone, naltrexone-xr).</summary>
    public required string OptionsDiscussed { get; set; }

    public required string Decision { get; set; }
    public string? ChosenOption { get; set; }
    public string? Reason { get; set; }
    public string? ReferredTo { get; set; }
    public DateOnly? ReferredOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedByUserId { get; set; }
}

/// <summary>A follow-up contact after the taper (table FollowUpContacts): the day, made (spoken or seen) or missed (tried, no
/// contact), how, and a note. Never changed.</summary>
public sealed class FollowUpContact
{
    public Guid Id { get; set; }
    public Guid PatientId { get; set; }
    public DateOnly ContactOn { get; set; }
    public bool Made { get; set; }
    public string? Mode { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedByUserId { get; set; }
}

public static class FollowUpModes
{
    public static readonly IReadOnlyList<string> All = ["visit", "phone", "video", "message"];
}
