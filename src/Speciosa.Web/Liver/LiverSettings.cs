using System.Globalization;
using Speciosa.Clinical.Liver;

namespace Speciosa.Web.Liver;

/// <summary>Clinic liver settings from configuration: default ULN per test for results that arrive without the lab's
/// reference range (<c>Liver:DefaultUln:{Test}:Value</c> and <c>:Unit</c>; none shipped, the core ships no figures),
/// the first panel after starting a kratom regimen (<c>Liver:FirstPanelWeeks</c>, default 2: median latency of kratom
/// liver injury 14 days, DILIN) and the monitoring interval after it (<c>Liver:PanelEveryWeeks</c>, default 4).</summary>
public sealed class LiverSettings(IConfiguration configuration)
{
    public ClinicUlnDefaults Defaults { get; } = Read(configuration);

    public int PanelEveryWeeks { get; } = configuration.GetValue("Liver:PanelEveryWeeks", 4);

    public int FirstPanelWeeks { get; } = configuration.GetValue("Liver:FirstPanelWeeks", LiverMonitoring.DefaultFirstPanelWeeks);

    private static ClinicUlnDefaults Read(IConfiguration configuration)
    {
        var defaults = ClinicUlnDefaults.None;
        foreach (var test in Enum.GetValues<LiverTest>())
        {
            var section = configuration.GetSection($"Liver:DefaultUln:{test}");
            if (decimal.TryParse(section["Value"], NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && section["Unit"] is { } unit)
            {
                defaults = defaults.With(test, value, unit);
            }
        }

        return defaults;
    }
}
