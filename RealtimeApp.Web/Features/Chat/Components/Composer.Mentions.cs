using Microsoft.JSInterop;
using RealtimeApp.Web.Features.Chat.Store;

namespace RealtimeApp.Web.Features.Chat.Components;

/// <summary>@mention suggestions: the browser reports the "@name" being typed, the composer offers matching room members.</summary>
public partial class Composer
{
    private const int MaxSuggestions = 6;

    private string? _mentionQuery;

    private IReadOnlyList<MentionCandidate> Suggestions =>
        _mentionQuery is null || State.Value.MentionCandidates is not { } candidates
            ? []
            : candidates.Where(c => c.Name.StartsWith(_mentionQuery, StringComparison.OrdinalIgnoreCase)).Take(MaxSuggestions).ToList();

    [JSInvokable]
    public Task MentionQueryChanged(string? query)
    {
        _mentionQuery = query;
        if (query is not null && State.Value.MentionCandidates is null)
        {
            Dispatcher.Dispatch(new LoadMentionCandidates(RoomId));
        }

        return InvokeAsync(StateHasChanged);
    }

    [JSInvokable]
    public Task PickFirstMention() => Suggestions.Count > 0 ? PickAsync(Suggestions[0]) : MentionQueryChanged(null);

    private async Task PickAsync(MentionCandidate candidate)
    {
        _mentionQuery = null;
        if (_attachment is not null)
        {
            await _attachment.InvokeVoidAsync("insertMention", candidate.Name);
        }
    }
}
