namespace Speciosa.Clinical.Treatment;

/// <summary>The patient's decision after medication for opioid use disorder was offered and discussed.</summary>
public static class MoudDecisions
{
    public const string Accepted = "accepted";
    public const string AlreadyReceiving = "already-receiving";
    public const string Declined = "declined";
    public const string Undecided = "undecided";

    public static readonly IReadOnlyList<string> All = [Accepted, AlreadyReceiving, Declined, Undecided];

    public static string InWords(string decision) => decision switch
    {
        Accepted => "accepted",
        AlreadyReceiving => "already receiving it",
        Declined => "declined",
        Undecided => "not decided yet",
        _ => decision,
    };
}

public static class DiscussionOccasions
{
    public const string Enrolment = "enrolment";
    public const string Review = "review";

    public static readonly IReadOnlyList<string> All = [Enrolment, Review];
}

/// <summary>A discussion of medication for opioid use disorder as entered.</summary>
public sealed record TreatmentDiscussionEntry(
    string? Occasion, DateOnly? DiscussedOn, IReadOnlyList<string>? OptionsDiscussed, string? Decision, string? ChosenOption, string? Reason,
    string? ReferredTo, DateOnly? ReferredOn);

/// <summary>Checks a discussion entry: occasion, a day not in the future, at least one option discussed (known ids), a decision;
/// the chosen option when accepted or already receiving; the patient's reason when declined or undecided; a referral names
/// whom and when together. Problems are keyed by field and say what is allowed.</summary>
public static class TreatmentDiscussionValidation
{
    public const int MaxReason = 1000;
    public const int MaxReferredTo = 200;

    public static Dictionary<string, string[]> Validate(TreatmentDiscussionEntry entry, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var errors = new Dictionary<string, string[]>();
        var options = MoudOptions.Default;
        var ids = string.Join(", ", options.Options.Select(o => o.Id));
        if (entry.Occasion is null || !DiscussionOccasions.All.Contains(entry.Occasion))
        {
            errors["occasion"] = ["Say when this was discussed: enrolment or review."];
        }

        if (entry.DiscussedOn is not { } on)
        {
            errors["discussedOn"] = ["The day it was discussed (yyyy-MM-dd)."];
        }
        else if (on > today)
        {
            errors["discussedOn"] = ["The day it was discussed cannot be in the future."];
        }

        var discussed = entry.OptionsDiscussed ?? [];
        if (discussed.Count == 0)
        {
            errors["optionsDiscussed"] = [$"Tick at least one medication that was offered and discussed ({ids})."];
        }
        else if (discussed.FirstOrDefault(d => !options.IsKnown(d)) is { } unknown)
        {
            errors["optionsDiscussed"] = [$"'{Clip(unknown)}' is not one of the medications: {ids}."];
        }

        if (entry.Decision is null || !MoudDecisions.All.Contains(entry.Decision))
        {
            errors["decision"] = [$"The patient's decision: {string.Join(", ", MoudDecisions.All)}."];
        }
        else if (entry.Decision is MoudDecisions.Accepted or MoudDecisions.AlreadyReceiving)
        {
            if (entry.ChosenOption is null || !options.IsKnown(entry.ChosenOption))
            {
                errors["chosenOption"] = [$"Which medication ({ids})."];
            }
        }
        else if (entry.ChosenOption is not null)
        {
            errors["chosenOption"] = ["Leave the medication empty when the patient declined or has not decided."];
        }

        if (entry.Decision is MoudDecisions.Declined or MoudDecisions.Undecided && string.IsNullOrWhiteSpace(entry.Reason))
        {
            errors["reason"] = ["The patient's reason, in their words where possible."];
        }
        else if (entry.Reason is { Length: > MaxReason })
        {
            errors["reason"] = [$"At most {MaxReason} characters."];
        }

        var to = string.IsNullOrWhiteSpace(entry.ReferredTo) ? null : entry.ReferredTo.Trim();
        if (to is null && entry.ReferredOn is not null)
        {
            errors["referredTo"] = ["To whom the patient was referred (a service or a clinician), or leave the referral day empty too."];
        }
        else if (to is not null && entry.ReferredOn is null)
        {
            errors["referredOn"] = ["The day of the referral (yyyy-MM-dd), or leave 'referred to' empty too."];
        }
        else if (to is { Length: > MaxReferredTo })
        {
            errors["referredTo"] = [$"At most {MaxReferredTo} characters."];
        }

        return errors;
    }

    private static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
