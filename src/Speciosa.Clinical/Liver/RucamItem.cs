namespace Speciosa.Clinical.Liver;

/// <summary>Who answered a RUCAM item.</summary>
public enum RucamAnsweredBy
{
    /// <summary>Not answered yet: to be answered by the clinician.</summary>
    Nobody,

    /// <summary>Filled from recorded data; the clinician can overrule it.</summary>
    Data,

    Clinician,
}

/// <summary>One line of a RUCAM worksheet: the item, its allowed answers in this form, the selected
/// answer if any, who gave it and on what basis (in words, for the clinician to check).</summary>
public sealed record RucamItem(
    RucamItemDefinition Definition,
    IReadOnlyList<RucamAnswer> Options,
    RucamAnswer? Selected,
    RucamAnsweredBy AnsweredBy,
    string Basis)
{
    public string Id => Definition.Id;

    public int Points => Selected?.Points ?? 0;

    /// <summary>True when any of this item's points are UNCONFIRMED in the reference.</summary>
    public bool Unconfirmed => Options.Any(o => o.Unconfirmed);
}
