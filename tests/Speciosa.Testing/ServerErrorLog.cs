using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Speciosa.Testing;

/// <summary>Keeps what the server logged at Error or above (with the exception), so a test that sees a 500
/// can say why instead of only "500".</summary>
public sealed class ServerErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> entries = new();

    public IReadOnlyCollection<string> Entries => entries;

    /// <summary>The errors logged since the last call, emptied.</summary>
    public string Drain()
    {
        var drained = new List<string>();
        while (entries.TryDequeue(out var entry))
        {
            drained.Add(entry);
        }

        return string.Join(Environment.NewLine, drained);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ServerErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.entries.Enqueue($"{category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
            }
        }
    }
}
