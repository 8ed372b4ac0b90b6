using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Liver;

/// <summary>An item of updated RUCAM with its answers for each form (empty: not scored in that form).</summary>
public sealed record RucamItemDefinition(
    string Id,
    string Number,
    string Title,
    IReadOnlyList<RucamAnswer> Hepatocellular,
    IReadOnlyList<RucamAnswer> CholestaticOrMixed)
{
    public IReadOnlyList<RucamAnswer> AnswersFor(RucamForm form) =>
        form == RucamForm.Hepatocellular ? Hepatocellular : CholestaticOrMixed;
}

/// <summary>A causality band of the total score; null bounds are open ends; both bounds inclusive.</summary>
public sealed record RucamCategory(string Name, int? Min, int? Max)
{
    public bool Contains(int total) => (Min is null || total >= Min) && (Max is null || total <= Max);
}

/// <summary>Updated RUCAM (Danan &amp; Teschke 2016) items, points and causality bands, read from
/// <c>knowledge/liver/rucam-2016.json</c>.</summary>
public sealed record RucamCatalogue(string AsOf, IReadOnlyList<string> Sources, IReadOnlyList<RucamItemDefinition> Items, IReadOnlyList<RucamCategory> Categories)
{
    public static RucamCatalogue Default { get; } = KnowledgeFile.Read<RucamCatalogue>("liver/rucam-2016.json");

    public RucamCategory CategoryFor(int total) =>
        Categories.FirstOrDefault(c => c.Contains(total))
        ?? throw new InvalidOperationException($"No RUCAM category covers a total of {total}.");
}
