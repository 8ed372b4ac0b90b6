namespace Speciosa.Clinical.Safety;

/// <summary>One restated fact about pregnancy, the neonate, lactation or fertility, with its sources
/// (<c>knowledge/safety/pregnancy.json</c>). <see cref="Unconfirmed"/> follows the reference's mark.</summary>
public sealed record PregnancyStatement(string Id, string Text, IReadOnlyList<string> Sources, bool Unconfirmed = false);
