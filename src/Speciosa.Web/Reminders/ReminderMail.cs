using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Speciosa.Web.Reminders;

/// <summary>SMTP settings (<c>Reminders:Smtp:*</c>). Without a host, reminders go in-app only.</summary>
public sealed class SmtpSettings
{
    public const string Section = "Reminders:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>None, StartTls (default when the server offers it: StartTlsWhenAvailable) or SslOnConnect.</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";

    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "speciosa@localhost";
    public int TimeoutSeconds { get; set; } = 30;

    public bool Configured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>Sends one reminder e-mail with MailKit. The text says only that something is due on the patient's Today page: no
/// name, no kind, no clinical detail (an inbox is not a private place).</summary>
public sealed class ReminderMail(SmtpSettings settings)
{
    public const string Subject = "A reminder from your clinic";

    public const string Body = "Something on your Today page is due. Sign in to your clinic's Speciosa portal to see it.\r\n\r\n" +
        "You can choose quiet hours or turn these reminders off on the portal's reminder settings page.\r\n";

    public bool Configured => settings.Configured;

    public async Task SendAsync(string to, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = Subject;
        message.Body = new TextPart("plain") { Text = Body };
        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        var security = Enum.TryParse<SecureSocketOptions>(settings.Security, ignoreCase: true, out var s) ? s : SecureSocketOptions.StartTlsWhenAvailable;
        await client.ConnectAsync(settings.Host!, settings.Port, security, ct);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}
