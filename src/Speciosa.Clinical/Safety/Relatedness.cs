namespace Speciosa.Clinical.Safety;

/// <summary>The clinician's judgement of whether kratom caused the event.</summary>
public enum Relatedness
{
    NotRelated,
    Unlikely,
    Possible,
    Probable,
    Definite,
}
