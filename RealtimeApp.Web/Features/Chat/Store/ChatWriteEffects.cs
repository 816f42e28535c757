using MudBlazor;
using RealtimeApp.Domain.Common;
using RealtimeApp.Web.Features.Rooms;
using RealtimeApp.Web.Shared.Actions;
using RealtimeApp.Web.Shared.Actors;
using RealtimeApp.Web.State;

namespace RealtimeApp.Web.Features.Chat.Store;

/// <summary>Sending, retrying, editing, deleting and joining, each through the same services the API uses.</summary>
public sealed class ChatWriteEffects(
    CircuitActor circuit,
    ChatService chat,
    MessageEditing editing,
    RoomService rooms,
    RoomFeed feed,
    IState<ChatState> state,
    ISnackbar snackbar)
{
    [EffectMethod]
    public Task HandleAsync(SendMessage action, IDispatcher dispatcher)
    {
        dispatcher.Dispatch(new UserStoppedTyping(action.RoomId));
        return SendAsync(action.ClientId, action.RoomId, action.Text, dispatcher);
    }

    [EffectMethod]
    public Task HandleAsync(RetrySend action, IDispatcher dispatcher)
    {
        var pending = state.Value.Pending.Find(p => p.ClientId == action.ClientId);
        return pending is null ? Task.CompletedTask : SendAsync(pending.ClientId, pending.RoomId, pending.Text, dispatcher);
    }

    [EffectMethod]
    public async Task HandleAsync(EditMessage action, IDispatcher dispatcher) =>
        Report(await editing.EditAsync(await circuit.GetAsync(), action.RoomId, action.Sequence, action.Text), dispatcher);

    [EffectMethod]
    public async Task HandleAsync(DeleteMessage action, IDispatcher dispatcher) =>
        Report(await editing.DeleteAsync(await circuit.GetAsync(), action.RoomId, action.Sequence), dispatcher);

    [EffectMethod]
    public async Task HandleAsync(JoinRoom action, IDispatcher dispatcher)
    {
        var joined = await rooms.JoinAsync(await circuit.GetAsync(), action.RoomId);
        if (!joined.Succeeded)
        {
            snackbar.Add(joined.Failure!.Message, Severity.Warning);
            return;
        }

        await feed.FollowAsync(action.RoomId);
        dispatcher.Dispatch(new RoomJoined(joined.Value!));
    }

    [EffectMethod]
    public async Task HandleAsync(LeaveRoom action, IDispatcher dispatcher)
    {
        var left = await rooms.LeaveAsync(await circuit.GetAsync(), action.RoomId);
        if (!left.Succeeded)
        {
            snackbar.Add(left.Failure!.Message, Severity.Warning);
        }
    }

    private async Task SendAsync(Guid clientId, string roomId, string text, IDispatcher dispatcher)
    {
        try
        {
            var sent = await chat.PostAsync(await circuit.GetAsync(), roomId, text, PendingMessage.ToWire(clientId));
            if (sent.Succeeded)
            {
                dispatcher.Dispatch(new MessageSendSucceeded(clientId, sent.Value!));
                return;
            }

            snackbar.Add(sent.Failure!.Message, sent.Failure.Kind == FailureKind.RateLimited ? Severity.Warning : Severity.Error);
            dispatcher.Dispatch(new MessageSendFailed(clientId, sent.Failure.Message));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            dispatcher.Dispatch(new MessageSendFailed(clientId, "Not sent: the server could not store the message."));
            throw;
        }
    }

    private void Report(Result<ChatMessageView> result, IDispatcher dispatcher)
    {
        if (result.Succeeded)
        {
            dispatcher.Dispatch(new MessageUpdated(result.Value!));
        }
        else
        {
            snackbar.Add(result.Failure!.Message, Severity.Warning);
        }
    }
}
