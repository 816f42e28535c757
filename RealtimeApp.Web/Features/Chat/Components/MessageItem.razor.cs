using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Features.Chat.Store;

namespace RealtimeApp.Web.Features.Chat.Components;

public partial class MessageItem
{
    private bool _editing;
    private string _draft = "";
    private bool _isAdmin;

    [Parameter, EditorRequired]
    public ChatMessageView Message { get; set; } = default!;

    /// <summary>Continues the previous message's group (same author, shortly after): no avatar or name.</summary>
    [Parameter]
    public bool Grouped { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    private bool IsMine => Message.AuthorId == State.Value.UserId;

    private bool MayModerate => _isAdmin || State.Value.CurrentRoom?.IsModerator == true;

    private string Initials => string.IsNullOrEmpty(Message.AuthorName) ? "?" : Message.AuthorName[..1].ToUpperInvariant();

    private string CssClass =>
        "chat-message px-1" + (State.Value.UserId is { } me && Message.Mentions.Contains(me) ? " mentioned" : "");

    protected override async Task OnInitializedAsync()
    {
        if (Authentication is not null)
        {
            _isAdmin = (await Authentication).User.IsInRole(Roles.Admin);
        }
    }

    private void StartEdit()
    {
        _draft = Message.Text;
        _editing = true;
    }

    private void SaveEdit()
    {
        _editing = false;
        if (_draft != Message.Text)
        {
            Dispatcher.Dispatch(new EditMessage(Message.RoomId, Message.Sequence, _draft));
        }
    }

    private void Delete() => Dispatcher.Dispatch(new DeleteMessage(Message.RoomId, Message.Sequence));
}
