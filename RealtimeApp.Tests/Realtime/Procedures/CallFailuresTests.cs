using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Realtime.Procedures;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Tests.Realtime.Procedures;

/// <summary>What a caller reads when a procedure fails with something other than its own error.</summary>
public sealed class CallFailuresTests
{
    [Fact]
    public void ToError_SaysTheStoreIsUnavailable_WhenPostgreSqlCannotBeReached()
    {
        var unreachable = new InvalidOperationException("wrapped", new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)));

        var error = CallFailures.ToError(unreachable, NullLogger.Instance, "chat.send", "test");

        error.Code.ShouldBe(TrpcErrorCode.InternalServerError);
        error.Message.ShouldBe(StoreUnavailable.Message);
    }

    [Fact]
    public void ToError_SaysTheStoreIsUnavailable_WhenSqliteIsBusy()
    {
        var busy = new SqliteException("database is locked", 5);

        CallFailures.ToError(busy, NullLogger.Instance, "chat.send", "test").Message.ShouldBe(StoreUnavailable.Message);
    }

    [Fact]
    public void ToError_ShowsNoInternals_WhenTheFailureIsABug()
    {
        var bug = new NullReferenceException("Object reference not set to an instance of an object.");

        var error = CallFailures.ToError(bug, NullLogger.Instance, "chat.send", "test");

        error.ShouldBe(TrpcError.Internal());
    }
}
