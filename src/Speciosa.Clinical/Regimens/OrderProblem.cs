namespace Speciosa.Clinical.Regimens;

/// <summary>Something wrong with a regimen order as written, keyed to its field for a 400 response.</summary>
public sealed record OrderProblem(string Field, string Message);
