namespace Speciosa.Web.Audit;

public static class AuditOutcome
{
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Denied = "denied";
    public const string NotFound = "not-found";
    public const string Rejected = "rejected";
    public const string Error = "error";

    public static string FromStatus(int status) => status switch
    {
        401 or 403 => Denied,
        404 => NotFound,
        429 => Denied,
        >= 500 => Error,
        >= 400 => Rejected,
        _ => Success,
    };
}
