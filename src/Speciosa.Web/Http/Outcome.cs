using Microsoft.AspNetCore.Http.HttpResults;

namespace Speciosa.Web.Http;

/// <summary>What happened to a request, in the same terms for every feature.</summary>
public enum OutcomeKind
{
    /// <summary>It happened.</summary>
    Done,

    /// <summary>400: fields are wrong; <see cref="Outcome.Errors"/> names each and says what is allowed.</summary>
    Invalid,

    /// <summary>404: there is nothing here the caller may see.</summary>
    NotFound,

    /// <summary>409: the record's state does not allow this (already recalled, already resolved, a duplicate).</summary>
    Conflict,

    /// <summary>409 stale-write: the record changed since the caller read it, or the caller sent no stamp.</summary>
    Stale,

    /// <summary>413: the upload is larger than allowed; <see cref="Outcome.Detail"/> says the limit.</summary>
    TooLarge,

    /// <summary>A rule refuses it: the law (legal-refusal, legal-confirmation-needed), the order (dose-outside-order),
    /// the certificate (lot-not-releasable). <see cref="Outcome.Type"/> tells which; the problem carries the reasons.</summary>
    Refused,
}

/// <summary>The one outcome type of the services' writes, and the one place it becomes HTTP (<see cref="ToProblem"/>).
/// Pages read <see cref="Kind"/>, <see cref="Type"/>, <see cref="Detail"/> and <see cref="Errors"/>; endpoints answer
/// <see cref="ToProblem"/> for anything but <see cref="OutcomeKind.Done"/>.</summary>
public sealed record Outcome
{
    private Outcome(OutcomeKind kind, string? detail = null, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        Kind = kind;
        Detail = detail;
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    public OutcomeKind Kind { get; }

    public string? Detail { get; }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>The problem type URN of a refusal (<see cref="ProblemTypes"/>), or of a stale write.</summary>
    public string? Type { get; private init; }

    public int Status { get; private init; }

    public string? Title { get; private init; }

    public IReadOnlyDictionary<string, object?> Extensions { get; private init; } = new Dictionary<string, object?>();

    public bool Succeeded => Kind == OutcomeKind.Done;

    /// <summary>What a page shows: the detail, or the first field problem.</summary>
    public string Message => Detail ?? Errors.Values.SelectMany(v => v).FirstOrDefault() ?? "";

    public static Outcome Done { get; } = new(OutcomeKind.Done);

    public static Outcome NotFound { get; } = new(OutcomeKind.NotFound);

    public static Outcome Invalid(IDictionary<string, string[]> errors) =>
        new(OutcomeKind.Invalid, errors: new Dictionary<string, string[]>(errors));

    public static Outcome Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static Outcome Conflict(string? detail, IDictionary<string, object?>? extensions = null) =>
        new(OutcomeKind.Conflict, detail) { Extensions = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) };

    public static Outcome TooLarge(string detail) => new(OutcomeKind.TooLarge, detail);

    public static Outcome Stale(string? detail = null) =>
        new(OutcomeKind.Stale, detail ?? "The record changed since you read it; reload it and decide again.") { Type = ProblemTypes.StaleWrite };

    /// <summary>A rule's refusal: its status (409 or 422), a title, the problem type that names the rule family, and the
    /// reasons as extensions.</summary>
    public static Outcome Refused(int status, string title, string? detail, string type, IDictionary<string, object?> extensions) =>
        new(OutcomeKind.Refused, detail) { Status = status, Title = title, Type = type, Extensions = new Dictionary<string, object?>(extensions) };

    /// <summary>The RFC 9457 answer for an outcome that did not happen.</summary>
    public ProblemHttpResult ToProblem() => Kind switch
    {
        OutcomeKind.Invalid => TypedResults.Problem(new HttpValidationProblemDetails(Errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest, Title = ProblemResponses.TitleFor(400), Detail = Detail,
        }),
        OutcomeKind.NotFound => ProblemResponses.Problem(StatusCodes.Status404NotFound),
        OutcomeKind.Conflict => TypedResults.Problem(detail: Detail, statusCode: StatusCodes.Status409Conflict,
            title: ProblemResponses.TitleFor(409), extensions: Extensions.ToDictionary(e => e.Key, e => e.Value)),
        OutcomeKind.Stale => ProblemResponses.StaleWrite(Detail),
        OutcomeKind.TooLarge => ProblemResponses.Problem(StatusCodes.Status413PayloadTooLarge, Detail),
        OutcomeKind.Refused => TypedResults.Problem(detail: Detail, statusCode: Status, title: Title, type: Type,
            extensions: Extensions.ToDictionary(e => e.Key, e => e.Value)),
        _ => throw new InvalidOperationException("A request that was done has no problem to answer."),
    };
}
