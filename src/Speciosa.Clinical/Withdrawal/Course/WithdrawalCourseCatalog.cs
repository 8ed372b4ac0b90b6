using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Withdrawal.Course;

/// <summary>Expected withdrawal courses by opioid class, with sources, from <c>withdrawal/withdrawal-courses.json</c>.</summary>
public sealed record WithdrawalCourseCatalog
{
    private static readonly Lazy<WithdrawalCourseCatalog> Embedded =
        new(() => Checked(KnowledgeFile.Read<WithdrawalCourseCatalog>("withdrawal/withdrawal-courses.json")));

    public required int Version { get; init; }
    public required string AsOf { get; init; }
    public IReadOnlyList<Source> Sources { get; init; } = [];
    public IReadOnlyList<WithdrawalCourseClass> Classes { get; init; } = [];
    public IReadOnlyList<CourseMapping> Mappings { get; init; } = [];

    /// <summary>The embedded catalogue, loaded once.</summary>
    public static WithdrawalCourseCatalog Default => Embedded.Value;

    /// <summary>The class with this id, or null.</summary>
    public WithdrawalCourseClass? FindClass(string classId) => Classes.FirstOrDefault(c => c.Id == classId);

    /// <summary>The class a substance follows in the given release (an "any" mapping matches every release);
    /// null when the knowledge data has no course for it (e.g. transdermal fentanyl).</summary>
    public CourseClassMatch? ClassFor(string substanceId, OpioidRelease release)
    {
        var mapping = Mappings.FirstOrDefault(m => m.Substance == substanceId && m.Release == release)
            ?? Mappings.FirstOrDefault(m => m.Substance == substanceId && m.Release == OpioidRelease.Any);
        return mapping is null ? null : new CourseClassMatch(FindClass(mapping.ClassId)!, mapping.Unconfirmed);
    }

    /// <summary>The full sources behind a window, in the order it cites them.</summary>
    public IReadOnlyList<Source> SourcesOf(HoursWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return window.Sources.Select(id => Sources.First(s => s.Id == id)).ToList();
    }

    private static WithdrawalCourseCatalog Checked(WithdrawalCourseCatalog catalog)
    {
        foreach (var c in catalog.Classes)
        {
            foreach (var w in new[] { c.Onset, c.Peak, c.AcuteDuration }.OfType<HoursWindow>())
            {
                if (w.FromHours < 0 || w.FromHours > w.ToHours || w.Sources.Any(id => catalog.Sources.All(s => s.Id != id)))
                {
                    throw new InvalidOperationException($"Course class '{c.Id}' has a bad window ({w.Basis}).");
                }
            }
        }

        var unknownClass = catalog.Mappings.FirstOrDefault(m => catalog.FindClass(m.ClassId) is null);
        return unknownClass is null
            ? catalog
            : throw new InvalidOperationException($"Mapping of '{unknownClass.Substance}' names unknown class '{unknownClass.ClassId}'.");
    }
}
