using Speciosa.Web.Clinics;

namespace Speciosa.Web.Patients;

/// <summary>A fact of the patient banner (issue 15 item 3) that a feature owns: pregnancy (Safety), the regimen with today's
/// limits and the lot (Regimens), open alerts by severity (Alerts), the legal status (Jurisdictions), the last COWS
/// (Withdrawal). The banner sits above every staff page under <c>/patients/{id}</c>; it is loaded once per request before
/// the page renders (<see cref="PatientBannerLoading"/>), each fact one after another on the request's context, so a fact
/// should cost at most one cheap query.</summary>
public interface IPatientBannerFact
{
    /// <summary>Lower first.</summary>
    int Order { get; }

    /// <summary>What to show for this patient (usually one fact; none to show nothing).</summary>
    Task<IReadOnlyList<BannerFact>> LoadAsync(PatientBannerContext context, CancellationToken ct);
}

/// <summary>What every fact may use: the patient (already checked visible to the reader, who is care staff), the clinic's
/// zone, now and the clinic's day.</summary>
public sealed record PatientBannerContext(Patient Patient, ClinicZone Zone, DateTimeOffset Now, DateOnly Today);

/// <summary>How a part of a fact is marked: in colour and, always, in its words.</summary>
public enum BannerTone
{
    Plain,
    Warning,
    High,
    Critical,
}

/// <summary>Words of a fact, with their tone.</summary>
public sealed record BannerPart(string Text, BannerTone Tone = BannerTone.Plain);

/// <summary>One labelled fact: <see cref="Key"/> names it for styling and tests (e.g. <c>regimen</c>), <see cref="Href"/>
/// links it to the page that says more.</summary>
public sealed record BannerFact(string Key, string Label, IReadOnlyList<BannerPart> Parts, string? Href = null)
{
    public static BannerFact Of(string key, string label, string text, BannerTone tone = BannerTone.Plain, string? href = null) =>
        new(key, label, [new BannerPart(text, tone)], href);
}

/// <summary>The banner of one patient: who they are (from the record) and the features' facts.</summary>
public sealed record PatientBannerView(
    Guid PatientId, string Name, DateOnly DateOfBirth, int Age, string Sex, string RecordNumber, IReadOnlyList<BannerFact> Facts)
{
    /// <summary>The date of birth as every page prints it.</summary>
    public string Born => DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
