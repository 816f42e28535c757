using System.Text.Json;

namespace RealtimeApp.Web.Realtime.Protocol;

/// <summary>
/// One validated request of a frame. <see cref="Input"/> is null when the client sent no <c>input</c> key
/// (JavaScript <c>undefined</c>); <c>params.lastEventId</c> has already been merged into it (§4).
/// </summary>
public sealed record TrpcRequest(RequestId Id, bool JsonRpc, TrpcMethod Method, string Path, JsonElement? Input, string? LastEventId);
