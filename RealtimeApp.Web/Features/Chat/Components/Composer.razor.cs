using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Web.Features.Chat.Store;
using RealtimeApp.Web.Features.Presence.Store;

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

    private void OnTyped()
    {
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

    /// <summary>Enter in the text box; the browser passes the text it shows, so nothing typed is lost to timing.</summary>
    [JSInvokable]
    public async Task SubmitFromKeyboard(string text)
    {
        _text = text;
        await InvokeAsync(Submit);
    }

    private async Task Submit()
    {
        if (IsBlank || _text.Length > ChatRules.MaxMessageLength)
        {
            return;
        }

        Dispatcher.Dispatch(new SendMessage(Guid.NewGuid(), RoomId, _text));
        _text = "";
        if (_attachment is not null)
        {
            await _attachment.InvokeVoidAsync("clear");
        }

        StateHasChanged();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_attachment is not null)
            {
                await _attachment.InvokeVoidAsync("dispose");
                await _attachment.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; so is the page these handles pointed into.
        }

        _self?.Dispose();
        GC.SuppressFinalize(this);
    }
}
