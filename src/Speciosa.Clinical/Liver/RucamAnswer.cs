namespace Speciosa.Clinical.Liver;

/// <summary>An allowed answer to a RUCAM item and its points. <see cref="Unconfirmed"/> marks points the
/// reference could not verify (item-5 sub-scores); they must be shown as such.</summary>
public sealed record RucamAnswer(string Id, string Text, int Points, bool Unconfirmed = false);
