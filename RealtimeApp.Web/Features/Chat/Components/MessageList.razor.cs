using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using RealtimeApp.Web.Features.Chat.Store;
using RealtimeApp.Web.Shared.Interop;

namespace RealtimeApp.Web.Features.Chat.Components;

public partial class MessageList
{
    private static readonly TimeSpan GroupWindow = TimeSpan.FromMinutes(5);

    private ElementReference _scroller;
    private IJSObjectReference? _module;
    private IJSObjectReference? _attachment;
    private DotNetObjectReference<MessageList>? _self;
    private bool _pinned = true;
    private int _unseen;
    private long _lastSeenSequence;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./assets/js/chat.js");
            Clock.Use(await _module.InvokeAsync<string>("timeZone"));
            _attachment = await _module.InvokeAsync<IJSObjectReference>("attachScroller", _scroller, _self);
        }

        var last = State.Value.Messages.Count > 0 ? State.Value.Messages[^1].Sequence : 0;
        if (last > _lastSeenSequence)
        {
            _unseen = _pinned ? 0 : _unseen + (int)Math.Min(last - _lastSeenSequence, int.MaxValue);
            _lastSeenSequence = last;
        }
    }

    [JSInvokable]
    public Task PinnedChanged(bool pinned)
    {
        _pinned = pinned;
        if (pinned)
        {
            _unseen = 0;
        }

        return InvokeAsync(StateHasChanged);
    }

    [JSInvokable]
    public void NearTop()
    {
        if (State.Value.HasOlder && !State.Value.LoadingOlder)
        {
            Dispatcher.Dispatch(new LoadOlderRequested());
        }
    }

    private async Task JumpToBottomAsync()
    {
        if (_attachment is not null)
        {
            await _attachment.InvokeVoidAsync("scrollToBottom");
        }

        _pinned = true;
        _unseen = 0;
    }

    private static bool IsContinuation(ChatMessageView? previous, ChatMessageView message) =>
        previous is not null && previous.AuthorId == message.AuthorId && message.PostedAt - previous.PostedAt < GroupWindow;

    protected override async ValueTask DisposeAsyncCore(bool disposing)
    {
        await JsAttachment.ReleaseAsync(_attachment, _module);

        _self?.Dispose();
        await base.DisposeAsyncCore(disposing);
    }
}
