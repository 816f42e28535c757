using RealtimeApp.Domain.ApiTokens;
using RealtimeApp.Web.Realtime.Procedures;

namespace RealtimeApp.Web.Features.Rooms.Api;

/// <summary><c>rooms.list</c>, <c>rooms.join</c>, <c>rooms.leave</c> and <c>rooms.create</c> (Admin) on the WebSocket API.</summary>
internal static class RoomProcedures
{
    public static void Register(ProcedureRouter router) => router
        .Query("rooms.list", ApiScopes.RoomsRead, ListAsync)
        .Mutation<RoomInput, RoomDto>("rooms.join", ApiScopes.ChatWrite, JoinAsync)
        .Mutation<RoomInput>("rooms.leave", ApiScopes.ChatWrite, LeaveAsync)
        .Mutation<CreateRoomInput, RoomDto>("rooms.create", ApiScopes.RoomsWrite, CreateAsync);

    private static async Task<IReadOnlyList<RoomDto>> ListAsync(ProcedureContext context)
    {
        var rooms = await Rooms(context).ListAsync(context.RequireActor(), context.CancellationToken);
        return rooms.Select(RoomDto.From).ToList();
    }

    private static async Task<RoomDto> JoinAsync(ProcedureContext context, RoomInput input) =>
        RoomDto.From((await Rooms(context).JoinAsync(context.RequireActor(), input.RoomId, context.CancellationToken)).ValueOrThrow());

    private static async Task LeaveAsync(ProcedureContext context, RoomInput input) =>
        (await Rooms(context).LeaveAsync(context.RequireActor(), input.RoomId, context.CancellationToken)).ValueOrThrow();

    private static async Task<RoomDto> CreateAsync(ProcedureContext context, CreateRoomInput input)
    {
        var administration = context.Get<RoomAdministration>();
        var created = await administration.CreateAsync(context.RequireActor(), input.Name, input.Topic, input.IsPrivate ?? false, context.CancellationToken);
        return RoomDto.Created(created.ValueOrThrow());
    }

    private static RoomService Rooms(ProcedureContext context) => context.Get<RoomService>();
}
