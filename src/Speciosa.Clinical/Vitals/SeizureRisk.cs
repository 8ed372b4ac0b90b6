using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Vitals;

/// <summary>A seizure-risk flag definition from <c>knowledge/vitals/seizure-risk.json</c>.</summary>
public sealed record SeizureFlagDefinition(string Id, string Title, IReadOnlyList<string> Names, IReadOnlyList<string> Classes, string Text, IReadOnlyList<string> Sources,
    bool HighIntake = false);

/// <summary>A flag raised for this patient: which definition, which medicines on the list (or, for the high-intake flag,
/// the intake finding), and its sources.</summary>
public sealed record SeizureFlag(SeizureFlagDefinition Definition, IReadOnlyList<ListedMedicine> Medicines, IReadOnlyList<Source> Sources,
    string? Intake = null);

/// <summary>Seizure-risk flags read from the medicine list (clinical audit 3.10): bupropion, tramadol, 7-OH products,
/// alcohol or benzodiazepines (withdrawal from either), stimulant use; and high doses: intake at or above the clinic's figure
/// (<see cref="HighIntake"/>; without a clinic figure this flag is never raised). Background: seizures in 6.1 % of kratom-only
/// poison-centre exposures (Eggleston 2019). Flags are shown on the chart; they raise no alert.</summary>
public static class SeizureRisk
{
    private static readonly SeizureFile File = KnowledgeFile.Read<SeizureFile>("vitals/seizure-risk.json");

    public static int Version => File.Version;
    public static string AsOf => File.AsOf;
    public static string Background => File.Background.Text;
    public static Source BackgroundSource => VitalSources.Get(File.Background.Source);
    public static IReadOnlyList<SeizureFlagDefinition> Definitions => File.Flags;

    public static IReadOnlyList<SeizureFlag> Flags(IReadOnlyList<ListedMedicine> medicines, HighIntake? intake = null)
    {
        var flags = new List<SeizureFlag>();
        foreach (var d in File.Flags)
        {
            var sources = d.Sources.Select(VitalSources.Get).ToList();
            if (d.HighIntake)
            {
                if (intake is { IsHigh: true })
                {
                    flags.Add(new SeizureFlag(d, [], sources, intake.Finding));
                }

                continue;
            }

            var matched = medicines.Where(m => Matches(d, m)).ToList();
            if (matched.Count > 0)
            {
                flags.Add(new SeizureFlag(d, matched, sources));
            }
        }

        return flags;
    }

    private static bool Matches(SeizureFlagDefinition d, ListedMedicine m) =>
        d.Names.Any(n => m.Name.Contains(n, StringComparison.OrdinalIgnoreCase))
        || d.Classes.Any(c => m.ClassIds.Contains(c, StringComparer.Ordinal));

    private sealed record BackgroundEntry(string Text, string Source);

    private sealed record SeizureFile(int Version, string AsOf, BackgroundEntry Background, IReadOnlyList<SeizureFlagDefinition> Flags);
}
