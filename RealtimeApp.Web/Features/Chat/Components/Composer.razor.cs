using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Web.Features.Chat.Store;
using RealtimeApp.Web.Shared.Actions;
using RealtimeApp.Web.Shared.Interop;

namespace RealtimeApp.Web.Features.Chat.Components;

public partial class Composer
{
    private const int CounterFrom = ChatRules.MaxMessageLength - 500;

    private ElementReference _textarea;
    private IJSObjectReference? _module;
    private IJSObjectReference? _attachment;
    private DotNetObjectReference<Composer>? _self;
    private string _text = "";

    [Parameter, EditorRequired]
    public string RoomId { get; set; } = "";

    private bool IsBlank => string.IsNullOrWhiteSpace(_text);

    // The text box is not bound: the server never writes its value, so a render cannot wipe what is being typed.
    private void OnInput(ChangeEventArgs change)
    {
        _text = change.Value?.ToString() ?? "";
        if (!IsBlank)
        {
            Dispatcher.Dispatch(new UserTyping(RoomId));
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./assets/js/chat.js");
            _attachment = await _module.InvokeAsync<IJSObjectReference>("attachComposer", _textarea, _self);
        }
    }

    /// <summary>Enter in the text box: the browser has already taken the text out of the box and passes it here.</summary>
    [JSInvokable]
    public Task SubmitFromKeyboard(string text) => InvokeAsync(() => Send(text));

    private async Task SubmitFromButtonAsync()
    {
        if (!Send(_text))
        {
            return;
        }

        _text = "";
        if (_attachment is not null)
        {
            await _attachment.InvokeVoidAsync("clear");
        }
    }

    private bool Send(string text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > ChatRules.MaxMessageLength)
        {
            return false;
        }

        Dispatcher.Dispatch(new SendMessage(Guid.NewGuid(), RoomId, text));
        return true;
    }

    protected override async ValueTask DisposeAsyncCore(bool disposing)
    {
        await JsAttachment.ReleaseAsync(_attachment, _module);

        _self?.Dispose();
        await base.DisposeAsyncCore(disposing);
    }
}
