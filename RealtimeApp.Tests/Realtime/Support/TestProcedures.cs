using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Web.Realtime.Procedures;
using RealtimeApp.Web.Realtime.Protocol;
using RealtimeApp.Tests.Support;

namespace RealtimeApp.Tests.Realtime.Support;

/// <summary>Procedures that exercise the engine (the reference server's listRooms, echo, finite, failing, …).</summary>
public static class TestProcedures
{
    public const string Secret = "Password=hunter2";

    public static void Register(ProcedureRouter router) => router
        .Query("rooms.list", _ => Task.FromResult<RoomRow[]>([new("general", "#general", 0, null), new("random", "#random", 0, null)]))
        .Query<JsonElement, object>("echo", (_, input) => Task.FromResult<object>(new { got = input.ValueKind == JsonValueKind.Undefined ? (object)"<undefined>" : input }))
        .Query("whoami", context => Task.FromResult(new { user = context.User.Identity?.Name, token = context.ConnectionParams?.GetValueOrDefault("token") }))
        .Mutation<SendMessageInput, ChatMessage>("chat.send", (context, input) =>
            Task.FromResult(new ChatMessage("1", input.RoomId, context.User.Identity!.Name!, input.Message)))
        .Mutation<JsonElement>("voidMutation", (_, _) => Task.CompletedTask)
        .Query<object?>("nullQuery", _ => Task.FromResult<object?>(null))
        .Mutation<JsonElement, int>("counter.increment", (context, _) => Task.FromResult(State(context).Increment()))
        .Query("counter.get", context => Task.FromResult(State(context).Counter))
        .Query("slow", async context =>
        {
            State(context).SlowStarted.TrySetResult();
            await State(context).SlowGate.Task.WaitAsync(context.CancellationToken);
            return "slow";
        })
        .Query("fast", _ => Task.FromResult("fast"))
        .Query<string>("boom", _ => throw new InvalidOperationException($"database unreachable: {Secret}"))
        .Query<string>("limited", _ => throw new TrpcException(TrpcErrorCode.TooManyRequests, "Slow down", new Dictionary<string, object?> { ["retryAfterMs"] = 1500 }))
        .Subscription("finite", _ => Numbers(2))
        .Subscription<JsonElement, JsonElement>("inputOnce", (_, input) => Once(input))
        .Subscription("forever", context => Forever(context))
        .Subscription("failing", _ => FailAfterOne(new TrpcException(TrpcErrorCode.Forbidden, "no more for you")))
        .Subscription("crashing", _ => FailAfterOne(new InvalidOperationException($"crash: {Secret}")))
        .Subscription<JsonElement, string>("guarded", (_, _) => Task.FromException<IAsyncEnumerable<string>>(new TrpcException(TrpcErrorCode.Forbidden, "not a member")))
        .Subscription("flood", context => Flood(context.CancellationToken))
        .TrackedSubscription<ProgressInput, ProgressEvent>("progress", (_, input) => Progress(input));

    private static TestProcedureState State(ProcedureContext context) => context.Services.GetRequiredService<TestProcedureState>();

    private static async IAsyncEnumerable<int> Numbers(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }

    private static async IAsyncEnumerable<JsonElement> Once(JsonElement input)
    {
        await Task.Yield();
        yield return input;
    }

    private static async IAsyncEnumerable<string> Forever(ProcedureContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            yield return "ready";
            await Blocking.UntilCancelledAsync(cancellationToken);
        }
        finally
        {
            State(context).CleanedUp.Enqueue(context.ConnectionId);
        }
    }

    private static async IAsyncEnumerable<string> FailAfterOne(Exception exception)
    {
        await Task.Yield();
        yield return "one";
        throw exception;
    }

    private static async IAsyncEnumerable<string> Flood([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunk = new string('x', 16 * 1024);
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Yield();
            yield return chunk;
        }
    }

    private static async IAsyncEnumerable<TrackedEvent<ProgressEvent>> Progress(ProgressInput input)
    {
        var after = int.TryParse(input.LastEventId, out var last) ? last : 0;
        for (var seq = after + 1; seq <= 3; seq++)
        {
            await Task.Yield();
            yield return new TrackedEvent<ProgressEvent>(seq.ToString(System.Globalization.CultureInfo.InvariantCulture), new ProgressEvent(seq, input.TaskId, seq * 10));
        }
    }
}
