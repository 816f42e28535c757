using System.IO.Pipelines;
using System.Text;
using RealtimeApp.Web.Realtime.Transport;

namespace RealtimeApp.Tests.Realtime.Transport;

public sealed class DuplexPipeStreamTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class Connection : IDuplexPipe
    {
        public Pipe Inbound { get; } = new();

        public Pipe Outbound { get; } = new();

        public PipeReader Input => Inbound.Reader;

        public PipeWriter Output => Outbound.Writer;
    }

    [Fact]
    public async Task ZeroByteRead_WaitsForData_WithoutTakingIt()
    {
        var connection = new Connection();
        await using var stream = new DuplexPipeStream(connection);

        var waiting = stream.ReadAsync(Memory<byte>.Empty, Ct).AsTask();
        var completedEarly = waiting.IsCompleted;
        await connection.Inbound.Writer.WriteAsync("hello"u8.ToArray(), Ct);
        var zero = await waiting;
        var buffer = new byte[16];
        var read = await stream.ReadAsync(buffer, Ct);

        completedEarly.ShouldBeFalse();
        zero.ShouldBe(0);
        Encoding.ASCII.GetString(buffer, 0, read).ShouldBe("hello");
    }

    [Fact]
    public async Task Read_TakesOnlyWhatFits_AndLeavesTheRest()
    {
        var connection = new Connection();
        await using var stream = new DuplexPipeStream(connection);
        await connection.Inbound.Writer.WriteAsync("abcdef"u8.ToArray(), Ct);

        var first = new byte[4];
        var firstCount = await stream.ReadAsync(first, Ct);
        var second = new byte[4];
        var secondCount = await stream.ReadAsync(second, Ct);

        Encoding.ASCII.GetString(first, 0, firstCount).ShouldBe("abcd");
        Encoding.ASCII.GetString(second, 0, secondCount).ShouldBe("ef");
    }

    [Fact]
    public async Task Read_ReturnsZero_WhenThePeerHasClosed()
    {
        var connection = new Connection();
        await using var stream = new DuplexPipeStream(connection);
        await connection.Inbound.Writer.CompleteAsync();

        (await stream.ReadAsync(new byte[8], Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task Write_ReachesTheOutput()
    {
        var connection = new Connection();
        await using var stream = new DuplexPipeStream(connection);

        await stream.WriteAsync("frame"u8.ToArray(), Ct);
        var written = await connection.Outbound.Reader.ReadAsync(Ct);

        Encoding.ASCII.GetString(written.Buffer.FirstSpan).ShouldBe("frame");
    }

    [Fact]
    public async Task Dispose_WakesAPendingRead_WhichFails()
    {
        var connection = new Connection();
        var stream = new DuplexPipeStream(connection);
        var pending = stream.ReadAsync(new byte[8], Ct).AsTask();

        await stream.DisposeAsync();

        await Should.ThrowAsync<ObjectDisposedException>(pending);
        await Should.ThrowAsync<ObjectDisposedException>(() => stream.ReadAsync(new byte[8], Ct).AsTask());
    }
}
