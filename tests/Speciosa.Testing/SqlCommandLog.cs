using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Speciosa.Testing;

/// <summary>The SQL commands EF Core runs on one server's database while a log is open, read from EF Core's diagnostic
/// events. The app under test runs in the test's process (<see cref="SpeciosaServer"/>) beside other test classes'
/// servers, so commands are kept only when their connection is to this server's database; a log opened around one
/// request sees that request's commands, plus anything else that server runs at the time (the audit writer, a
/// background job): callers that count a request's commands run the request alone.</summary>
public sealed class SqlCommandLog : IDisposable
{
    private static readonly List<DiagnosticListener> Listeners = [];
    private static readonly IDisposable AllListeners = DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(l =>
    {
        if (l.Name == "Microsoft.EntityFrameworkCore")
        {
            lock (Listeners)
            {
                Listeners.Add(l);
            }
        }
    }));

    private readonly List<IDisposable> subscriptions = [];
    private readonly List<string> commands = [];

    private readonly string database;

    private SqlCommandLog(SpeciosaServer server)
    {
        database = DatabaseOf(server);
        GC.KeepAlive(AllListeners);
        lock (Listeners)
        {
            subscriptions.AddRange(Listeners.Select(l => l.Subscribe(new Observer<KeyValuePair<string, object?>>(e =>
            {
                if (e.Key == "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted")
                {
                    if (e.Value is Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData data
                        && Identify(data.Command.Connection) == database)
                    {
                        lock (commands)
                        {
                            commands.Add(data.Command.CommandText);
                        }
                    }
                }
            }))));
        }
    }

    /// <summary>Starts logging the commands run on <paramref name="server"/>'s database; dispose to stop.</summary>
    public static SqlCommandLog Start(SpeciosaServer server) => new(server);

    private static string DatabaseOf(SpeciosaServer server)
    {
        using var scope = server.Services.CreateScope();
        return Identify(scope.ServiceProvider.GetRequiredService<Speciosa.Web.Data.SpeciosaDbContext>().Database.GetDbConnection())!;
    }

    private static string? Identify(System.Data.Common.DbConnection? connection) =>
        connection is null ? null : $"{connection.DataSource}|{connection.Database}";

    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (commands)
            {
                return [.. commands];
            }
        }
    }

    /// <summary>The commands of one request made alone: it is made once unlogged first (caches warm, as in use), then
    /// logged; the log waits briefly after the response, as the audit entry may commit just after it.</summary>
    public static async Task<IReadOnlyList<string>> OfRequestAsync(SpeciosaServer server, Func<Task<HttpResponseMessage>> request, bool warm = true)
    {
        if (warm)
        {
            using var first = await request();
            await first.Content.LoadIntoBufferAsync();
            await Task.Delay(100);
        }

        using var log = Start(server);
        using var response = await request();
        await response.Content.LoadIntoBufferAsync();
        await Task.Delay(100);
        return log.Commands;
    }

    public void Dispose() => subscriptions.ForEach(s => s.Dispose());

    private sealed class Observer<T>(Action<T> next) : IObserver<T>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(T value) => next(value);
    }
}
