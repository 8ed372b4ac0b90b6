using System.Data.Common;
using System.Net.Sockets;

namespace Speciosa.Web.Data;

/// <summary>Tells a database that cannot be reached (down, restarting, refusing connections, busy past its timeout)
/// from a fault in a request, so the API can answer 503 with Retry-After instead of 500 (issue 18 item 8).</summary>
public static class DatabaseOutage
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool Is(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DbException db when db.IsTransient || IsConnectionState(db.SqlState):
                case SocketException:
                case TimeoutException:
                    return true;
                case AggregateException many when many.InnerExceptions.Any(Is):
                    return true;
            }
        }

        return false;
    }

    /// <summary>SQLSTATE classes of an unreachable server: 08 connection exception, 53 insufficient resources
    /// (too many connections), 57P operator intervention (shutdown, cannot connect now).</summary>
    private static bool IsConnectionState(string? sqlState) =>
        sqlState is not null && (sqlState.StartsWith("08", StringComparison.Ordinal)
            || sqlState.StartsWith("53", StringComparison.Ordinal)
            || sqlState.StartsWith("57P", StringComparison.Ordinal));
}
