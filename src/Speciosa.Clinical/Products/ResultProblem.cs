namespace Speciosa.Clinical.Products;

/// <summary>Why a result cannot be judged as entered, keyed by the field at fault (for a 400 answer).</summary>
public sealed record ResultProblem(int Index, string Field, string Message);
