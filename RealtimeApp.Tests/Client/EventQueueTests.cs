using RealtimeApp.Client.Connection;

namespace RealtimeApp.Tests.Client;

public sealed class EventQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReaderGetsEveryItemOnce_InOrder_WhileTheWriterRunsAheadOfIt()
    {
        var queue = new EventQueue<int>(capacity: 16);
        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                if (!queue.TryWrite(i))
                {
                    await queue.WriteAsync(i, Ct);
                }
            }

            queue.Complete();
        }, Ct);

        var read = await ReadAllAsync(queue);
        await writing;

        read.ShouldBe(Enumerable.Range(0, 20_000));
    }

    [Fact]
    public async Task AFullQueue_RefusesTryWrite_AndWriteAsyncWaitsForTheReader()
    {
        var queue = new EventQueue<int>(capacity: 2);
        queue.TryWrite(1).ShouldBeTrue();
        queue.TryWrite(2).ShouldBeTrue();

        queue.TryWrite(3).ShouldBeFalse();
        var waiting = queue.WriteAsync(3, Ct).AsTask();
        waiting.IsCompleted.ShouldBeFalse();
        queue.TryRead(out var first).ShouldBeTrue();
        await waiting.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        queue.Complete();

        first.ShouldBe(1);
        (await ReadAllAsync(queue)).ShouldBe([2, 3]);
    }

    [Fact]
    public async Task AWaitingReader_IsWokenByTheNextItem()
    {
        var queue = new EventQueue<string>(capacity: 4);
        var waiting = queue.WaitToReadAsync(Ct).AsTask();
        waiting.IsCompleted.ShouldBeFalse();

        queue.TryWrite("first").ShouldBeTrue();

        (await waiting.WaitAsync(TimeSpan.FromSeconds(30), Ct)).ShouldBeTrue();
        queue.TryRead(out var item).ShouldBeTrue();
        item.ShouldBe("first");
    }

    [Fact]
    public async Task CompletionWithAnError_IsThrownToTheReader_AfterWhatWasQueued()
    {
        var queue = new EventQueue<int>(capacity: 4);
        queue.TryWrite(7);
        var error = new InvalidOperationException("the connection is gone for good");

        queue.Complete(error);

        (await queue.WaitToReadAsync(Ct)).ShouldBeTrue();
        queue.TryRead(out var item).ShouldBeTrue();
        item.ShouldBe(7);
        (await Should.ThrowAsync<InvalidOperationException>(() => queue.WaitToReadAsync(Ct).AsTask())).ShouldBeSameAs(error);
    }

    [Fact]
    public async Task CompletionWakesAWaitingReader_WithTheEnd()
    {
        var queue = new EventQueue<int>(capacity: 4);
        var waiting = queue.WaitToReadAsync(Ct).AsTask();

        queue.Complete();

        (await waiting.WaitAsync(TimeSpan.FromSeconds(30), Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task AfterCompletion_WritesAreDropped_AndAWaitingWriterIsReleased()
    {
        var queue = new EventQueue<int>(capacity: 1);
        queue.TryWrite(1);
        var waiting = queue.WriteAsync(2, Ct).AsTask();

        queue.Complete();
        await waiting.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        queue.TryWrite(3).ShouldBeTrue();
        (await ReadAllAsync(queue)).ShouldBe([1]);
    }

    [Fact]
    public async Task CancellingAWait_ThrowsToTheReader_AndTheQueueServesTheNextWait()
    {
        var queue = new EventQueue<int>(capacity: 4);
        using var cancel = new CancellationTokenSource();
        var waiting = queue.WaitToReadAsync(cancel.Token).AsTask();

        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        var next = queue.WaitToReadAsync(Ct).AsTask();
        queue.TryWrite(5);
        (await next.WaitAsync(TimeSpan.FromSeconds(30), Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task AnAlreadyCancelledToken_IsRefusedAtOnce()
    {
        var queue = new EventQueue<int>(capacity: 4);

        await Should.ThrowAsync<OperationCanceledException>(() => queue.WaitToReadAsync(new CancellationToken(canceled: true)).AsTask());
    }

    private static async Task<List<T>> ReadAllAsync<T>(EventQueue<T> queue)
    {
        var read = new List<T>();
        while (await queue.WaitToReadAsync(Ct))
        {
            while (queue.TryRead(out var item))
            {
                read.Add(item);
            }
        }

        return read;
    }
}
