using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Domain.ApiTokens;
using RealtimeApp.Web.Realtime.Procedures;
using RealtimeApp.Web.Realtime.Protocol;
using RealtimeApp.Tests.Support;

namespace RealtimeApp.Tests.Realtime.Support;

/// <summary>Procedures that exercise the engine (the reference server's listRooms, echo, finite, failing, …).</summary>
public static class TestProcedures
{
    public const string Secret = "Password=hunter2";

    public static void Register(ProcedureRouter router) => router
        .Query("rooms.list", ApiScopes.RoomsRead, _ => Task.FromResult<RoomRow[]>([new("general", "#general", 0, null), new("random", "#random", 0, null)]))
        .Query<JsonElement, object>("echo", ApiScopes.ChatRead, (_, input) => Task.FromResult<object>(new { got = input.ValueKind == JsonValueKind.Undefined ? (object)"<undefined>" : input }))
        .Query("whoami", ApiScopes.ChatRead, context => Task.FromResult(new { user = context.User.Identity?.Name, token = context.ConnectionParams?.GetValueOrDefault("token") }))
        .Mutation<SendMessageInput, ChatMessage>("chat.send", ApiScopes.ChatWrite, (context, input) =>
            Task.FromResult(new ChatMessage("1", input.RoomId, context.User.Identity!.Name!, input.Message)))
        .Mutation<JsonElement>("voidMutation", ApiScopes.ChatRead, (_, _) => Task.CompletedTask)
        .Query<object?>("nullQuery", ApiScopes.ChatRead, _ => Task.FromResult<object?>(null))
        .Mutation<JsonElement, int>("counter.increment", ApiScopes.ChatRead, (context, _) => Task.FromResult(State(context).Increment()))
        .Query("counter.get", ApiScopes.ChatRead, context => Task.FromResult(State(context).Counter))
        .Query("slow", ApiScopes.ChatRead, async context =>
        {
            State(context).SlowStarted.TrySetResult();
            await State(context).SlowGate.Task.WaitAsync(context.CancellationToken);
            return "slow";
        })
        .Query("fast", ApiScopes.ChatRead, _ => Task.FromResult("fast"))
        .Query<string>("boom", ApiScopes.ChatRead, _ => throw new InvalidOperationException($"database unreachable: {Secret}"))
        .Query<string>("limited", ApiScopes.ChatRead, _ => throw new TrpcException(TrpcErrorCode.TooManyRequests, "Slow down", new Dictionary<string, object?> { ["retryAfterMs"] = 1500 }))
        .Subscription("finite", ApiScopes.ChatRead, _ => Numbers(2))
        .Subscription<JsonElement, JsonElement>("inputOnce", ApiScopes.ChatRead, (_, input) => Once(input))
        .Subscription("forever", ApiScopes.ChatRead, context => Forever(context))
        .Subscription("failing", ApiScopes.ChatRead, _ => FailAfterOne(new TrpcException(TrpcErrorCode.Forbidden, "no more for you")))
        .Subscription("crashing", ApiScopes.ChatRead, _ => FailAfterOne(new InvalidOperationException($"crash: {Secret}")))
        .Subscription<JsonElement, string>("guarded", ApiScopes.ChatRead, (_, _) => Task.FromException<IAsyncEnumerable<string>>(new TrpcException(TrpcErrorCode.Forbidden, "not a member")))
        .Subscription("flood", ApiScopes.ChatRead, context => Flood(context.CancellationToken))
        .TrackedSubscription<ProgressInput, ProgressEvent>("progress", ApiScopes.ChatRead, (_, input) => Progress(input));

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
