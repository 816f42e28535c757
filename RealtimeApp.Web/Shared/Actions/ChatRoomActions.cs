namespace RealtimeApp.Web.Shared.Actions;

// Actions more than one feature reacts to, shared as Fluxor apps share action types: the chat page dispatches them,
// and the room's presence (Features/Rooms/Presence) follows them without knowing the chat's store.

/// <summary>The chat page started for this circuit's signed-in user.</summary>
public sealed record ChatSessionStarted(string UserId);

/// <summary>The user opened a room in this tab (it replaces the room open before).</summary>
public sealed record RoomOpened(string RoomId);

/// <summary>The user typed in a room's message box.</summary>
public sealed record UserTyping(string RoomId);

/// <summary>The user stopped typing in a room: they sent what they typed.</summary>
public sealed record UserStoppedTyping(string RoomId);
