using Speciosa.Web.Http;

namespace Speciosa.Web.Reminders;

/// <summary>Reminders (issue 14 item 6): an outbox of reminders for what is due (Portal's check-in, CarePlans' activities), sent
/// in-app and by e-mail when SMTP is configured, by one instance at a time; patients choose quiet hours and opt out per kind.
/// Reads Portal and CarePlans; nothing depends on it.</summary>
public sealed class RemindersFeature : IFeature
{
    public void Add(IServiceCollection services, IConfiguration configuration)
    {
        var smtp = configuration.GetSection(SmtpSettings.Section).Get<SmtpSettings>() ?? new SmtpSettings();
        services.AddSingleton(smtp);
        services.AddSingleton(ReminderDispatcher.Options(configuration));
        services.AddScoped<ReminderMail>();
        services.AddScoped<ReminderDispatcher>();
        services.AddScoped<ReminderSettingsService>();
        services.AddHostedService<ReminderJob>();
    }

    public void Map(IEndpointRouteBuilder app) => app.MapReminderEndpoints();
}
