namespace Speciosa.Clinical.Liver;

/// <summary>Updated RUCAM (2016) as a worksheet [KS-S21]: each item with its allowed answers and points
/// for the form, pre-filled from data where possible, the rest to be answered by the clinician. The
/// total and causality category are provisional until every item is answered.</summary>
public sealed record RucamWorksheet(RucamForm Form, IReadOnlyList<RucamItem> Items, RucamCatalogue Catalogue)
{
    /// <summary>Why RUCAM cannot assess this case, or null: onset before the first exposure, or later after stopping
    /// than the item-1 window (15 days hepatocellular, 30 days cholestatic/mixed). RUCAM treats such a case as unrelated
    /// [KS-S21][KS-S22][KS-S23] (audit E21): the worksheet says so rather than leaving it to the clinician silently.</summary>
    public string? NotAssessable { get; init; }

    public int Total => Items.Sum(i => i.Points);

    public bool IsComplete => Items.All(i => i.Selected is not null);

    public IReadOnlyList<RucamItem> ToBeAnsweredByClinician => Items.Where(i => i.Selected is null).ToList();

    public RucamCategory Causality => Catalogue.CategoryFor(Total);

    /// <summary>True while the total rests on any UNCONFIRMED points (item 5 in the reference).</summary>
    public bool RestsOnUnconfirmedPoints => Items.Any(i => i.Selected?.Unconfirmed == true);

    /// <summary>The RUCAM form for an R-ratio pattern: hepatocellular for R ≥ 5, else cholestatic/mixed.</summary>
    public static RucamForm FormFor(InjuryPattern pattern) =>
        pattern == InjuryPattern.Hepatocellular ? RucamForm.Hepatocellular : RucamForm.CholestaticOrMixed;

    public static RucamWorksheet Prepare(RucamFacts facts, RucamCatalogue? catalogue = null)
    {
        catalogue ??= RucamCatalogue.Default;
        var items = new List<RucamItem>();
        foreach (var definition in catalogue.Items)
        {
            var options = definition.AnswersFor(facts.Form);
            if (options.Count == 0)
            {
                continue; // not scored in this form (pregnancy, hepatocellular)
            }

            var (answerId, basis) = RucamPrefill.For(definition.Id, facts);
            var selected = answerId is null ? null : options.Single(o => o.Id == answerId);
            items.Add(new RucamItem(definition, options, selected, selected is null ? RucamAnsweredBy.Nobody : RucamAnsweredBy.Data, basis));
        }

        return new RucamWorksheet(facts.Form, items, catalogue) { NotAssessable = RucamPrefill.NotAssessable(facts) };
    }

    /// <summary>Returns a copy with the clinician's answer to <paramref name="itemId"/> (overrules data).</summary>
    public RucamWorksheet Answer(string itemId, string answerId, string basis = "Answered by the clinician.")
    {
        var item = Items.SingleOrDefault(i => i.Id == itemId)
            ?? throw new ArgumentException($"No RUCAM item '{itemId}' in the {Form} form.", nameof(itemId));
        var answer = item.Options.SingleOrDefault(o => o.Id == answerId)
            ?? throw new ArgumentException($"'{answerId}' is not an allowed answer to RUCAM item '{itemId}'.", nameof(answerId));
        var answered = item with { Selected = answer, AnsweredBy = RucamAnsweredBy.Clinician, Basis = basis };
        return this with { Items = Items.Select(i => i.Id == itemId ? answered : i).ToList() };
    }
}
