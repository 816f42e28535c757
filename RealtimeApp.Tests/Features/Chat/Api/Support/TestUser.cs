using RealtimeApp.Domain.Users;

namespace RealtimeApp.Tests.Features.Chat.Api.Support;

/// <summary>A user of the test app: id, email, API token and the actor the services see.</summary>
public sealed record TestUser(string Id, string Email, string Token, Actor Actor);
