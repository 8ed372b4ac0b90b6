using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Regimens;

/// <summary>The standing line on every regimen page (clinical audit section 3.1), read from
/// <c>knowledge/dosing/kratom-status.json</c>: kratom is not approved for any medical use, no randomised trial supports it
/// for withdrawal, and buprenorphine, methadone and extended-release naltrexone are the first-line treatments. Staff see it
/// with its sources; patients see the plain sentence.</summary>
public sealed record KratomStatus(string AsOf, string Staff, string Patient, IReadOnlyList<Source> Sources)
{
    public static KratomStatus Default { get; } = Load();

    private static KratomStatus Load()
    {
        var file = KnowledgeFile.Read<StatusFile>("dosing/kratom-status.json");
        return new KratomStatus(file.AsOf, file.Staff, file.Patient,
            file.Sources.Select(s => new Source(s.Id, s.Citation, s.Url, s.Unconfirmed)).ToList());
    }

    private sealed record SourceEntry(string Id, string Citation, string? Url = null, bool Unconfirmed = false);

    private sealed record StatusFile(string AsOf, string Staff, string Patient, IReadOnlyList<SourceEntry> Sources);
}
