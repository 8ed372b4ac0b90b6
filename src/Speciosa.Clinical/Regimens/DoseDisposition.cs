namespace Speciosa.Clinical.Regimens;

/// <summary>What the web layer does with a checked dose.</summary>
public enum DoseDisposition
{
    /// <summary>Within the order: store it.</summary>
    Accept = 0,

    /// <summary>A staff-given dose that breaks the order: do not give or store it (409 with the reasons).</summary>
    Refuse = 1,

    /// <summary>A patient's report that departs from the order: store it (it is what happened) and raise the alerts.</summary>
    StoreAndAlert = 2,
}
