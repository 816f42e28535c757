using RealtimeApp.Domain.ApiTokens;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Web.Realtime.Procedures;

namespace RealtimeApp.Web.Features.Chat.Api;

/// <summary>
/// <c>chat.send</c>, <c>chat.history</c>, <c>chat.edit</c>, <c>chat.delete</c>, <c>chat.search</c>, the tracked
/// <c>chat.onMessage</c> and the seed client's root <c>onMessage</c> on the WebSocket API. Everything goes through the
/// services the UI uses; their refusals become tRPC errors (<see cref="FailureErrors"/>).
/// </summary>
internal static class ChatProcedures
{
    public static void Register(ProcedureRouter router) => router
        .Mutation<SendInput, ChatMessageView>("chat.send", ApiScopes.ChatWrite, SendAsync)
        .Query<HistoryInput, IReadOnlyList<ChatMessageView>>("chat.history", ApiScopes.ChatRead, HistoryAsync)
        .Mutation<EditInput, ChatMessageView>("chat.edit", ApiScopes.ChatWrite, EditAsync)
        .Mutation<DeleteInput, ChatMessageView>("chat.delete", ApiScopes.ChatWrite, DeleteAsync)
        .Query<SearchInput, IReadOnlyList<ChatMessageView>>("chat.search", ApiScopes.ChatRead, SearchAsync)
        .TrackedSubscription<OnMessageInput, SerializedJson>("chat.onMessage", ApiScopes.ChatRead, (context, input) => RoomMessageStream.OpenAsync(context, input, message => message))
        .TrackedSubscription<OnMessageInput, SerializedJson>("onMessage", ApiScopes.ChatRead, (context, input) => RoomMessageStream.OpenAsync(context, input, SeedMessage.From));

    private static async Task<ChatMessageView> SendAsync(ProcedureContext context, SendInput input) =>
        (await context.Get<ChatService>().PostAsync(context.RequireActor(), input.RoomId, input.Text, input.ClientId, context.CancellationToken)).ValueOrThrow();

    private static async Task<IReadOnlyList<ChatMessageView>> HistoryAsync(ProcedureContext context, HistoryInput input) =>
        (await context.Get<ChatHistory>().PageAsync(
            context.RequireActor(), input.RoomId, input.BeforeSequence, input.Limit ?? ChatRules.HistoryPageSize, context.CancellationToken)).ValueOrThrow();

    private static async Task<ChatMessageView> EditAsync(ProcedureContext context, EditInput input) =>
        (await context.Get<MessageEditing>().EditAsync(context.RequireActor(), input.RoomId, input.Sequence, input.Text, context.CancellationToken)).ValueOrThrow();

    private static async Task<ChatMessageView> DeleteAsync(ProcedureContext context, DeleteInput input) =>
        (await context.Get<MessageEditing>().DeleteAsync(context.RequireActor(), input.RoomId, input.Sequence, context.CancellationToken)).ValueOrThrow();

    private static async Task<IReadOnlyList<ChatMessageView>> SearchAsync(ProcedureContext context, SearchInput input) =>
        (await context.Get<ChatHistory>().SearchAsync(context.RequireActor(), input.RoomId, input.Query, cancellationToken: context.CancellationToken)).ValueOrThrow();
}
