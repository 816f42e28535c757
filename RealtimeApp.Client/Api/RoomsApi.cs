using RealtimeApp.Client.Protocol;

namespace RealtimeApp.Client.Api;

/// <summary>The <c>rooms.*</c> procedures.</summary>
public sealed class RoomsApi
{
    private readonly RealtimeClient _client;

    internal RoomsApi(RealtimeClient client) => _client = client;

    /// <summary><c>rooms.list</c>: the rooms the token's owner can see.</summary>
    public async Task<IReadOnlyList<Room>> ListAsync(CancellationToken cancellationToken = default) =>
        await _client.CallAsync(TrpcMethod.Query, "rooms.list", null, ClientJsonContext.Default.IReadOnlyListRoom, cancellationToken) ?? [];

    /// <summary><c>rooms.join</c>: joins a public room (needs <c>chat:write</c>).</summary>
    public async Task<Room> JoinAsync(string roomId, CancellationToken cancellationToken = default) =>
        (await _client.CallAsync(TrpcMethod.Mutation, "rooms.join", RealtimeClient.Serialize(new RoomIdInput(roomId), ClientJsonContext.Default.RoomIdInput),
            ClientJsonContext.Default.Room, cancellationToken))!;

    /// <summary><c>rooms.leave</c>.</summary>
    public Task LeaveAsync(string roomId, CancellationToken cancellationToken = default) =>
        _client.CallAsync(TrpcMethod.Mutation, "rooms.leave", RealtimeClient.Serialize(new RoomIdInput(roomId), ClientJsonContext.Default.RoomIdInput),
            ClientJsonContext.Default.Room, cancellationToken);

    /// <summary><c>rooms.create</c> (an administrator's token with <c>rooms:write</c>).</summary>
    public async Task<Room> CreateAsync(string name, string? topic = null, bool isPrivate = false, CancellationToken cancellationToken = default) =>
        (await _client.CallAsync(TrpcMethod.Mutation, "rooms.create",
            RealtimeClient.Serialize(new CreateRoomInput(name, topic, isPrivate), ClientJsonContext.Default.CreateRoomInput),
            ClientJsonContext.Default.Room, cancellationToken))!;
}
