using System.Collections.Concurrent;
using RealtimeApp.Client.Protocol;

namespace RealtimeApp.Client.Connection;

/// <summary>Queries and mutations sent and not yet answered, by request id.</summary>
internal sealed class PendingCalls
{
    private readonly ConcurrentDictionary<long, TaskCompletionSource<byte[]?>> _calls = new();

    public Task<byte[]?> Add(long id)
    {
        var answer = new TaskCompletionSource<byte[]?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls[id] = answer;
        return answer.Task;
    }

    public void Forget(long id) => _calls.TryRemove(id, out _);

    /// <summary>Completes the call <paramref name="frame"/> answers; false when it answers none (a subscription's frame).</summary>
    public bool TryComplete(ServerFrame frame)
    {
        if (!_calls.TryRemove(frame.Id, out var answer))
        {
            return false;
        }

        if (frame.Error is { } error)
        {
            answer.TrySetException(error);
        }
        else
        {
            // Copied: the frame's buffer takes the next frame before the caller reads the answer.
            answer.TrySetResult(frame.Payload?.ToArray());
        }

        return true;
    }

    /// <summary>Fails every call: the connection that carried them is gone, and their answers with it.</summary>
    public void FailAll(Exception exception)
    {
        foreach (var id in _calls.Keys)
        {
            if (_calls.TryRemove(id, out var answer))
            {
                answer.TrySetException(exception);
            }
        }
    }
}
