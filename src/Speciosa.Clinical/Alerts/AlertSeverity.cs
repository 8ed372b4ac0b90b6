namespace Speciosa.Clinical.Alerts;

public enum AlertSeverity
{
    Info = 0,
    Warning = 1,
    High = 2,
    Critical = 3,
}
