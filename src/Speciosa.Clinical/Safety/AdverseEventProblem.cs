namespace Speciosa.Clinical.Safety;

/// <summary>Something wrong with an adverse event as entered, keyed to its field for a 400 response.</summary>
public sealed record AdverseEventProblem(string Field, string Message);
