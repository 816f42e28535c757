namespace RealtimeApp.Client.Api;

// The procedures' inputs, as the server reads them (camelCase, null members left out).
internal sealed record RoomIdInput(string RoomId);

internal sealed record CreateRoomInput(string Name, string? Topic, bool? IsPrivate);

internal sealed record SendInput(string RoomId, string Text, string? ClientId);

internal sealed record HistoryInput(string RoomId, long? BeforeSequence, int? Limit);

internal sealed record EditInput(string RoomId, long Sequence, string Text);

internal sealed record MessageInput(string RoomId, long Sequence);

internal sealed record SearchInput(string RoomId, string Query);

internal sealed record CreateTaskInput(string Title, string? AgentId, string? Id, string? ClientId);

internal sealed record ReportTaskInput(string TaskId, int Progress, string? Status, string? Message, string? Error, string? ErrorDetails);

internal sealed record TaskIdInput(string TaskId);

internal sealed record AgentIdInput(string AgentId);
