using System.ComponentModel.DataAnnotations;
using RealtimeApp.Domain.Common;

namespace RealtimeApp.Web.Realtime.Procedures;

/// <summary>An optional client-made id of a write (<see cref="ClientIds"/>): absent, or 1 to 64 characters of A-Z, a-z, 0-9, '_' or '-'.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ClientIdAttribute() : ValidationAttribute($"Must be {ClientIds.Rule}")
{
    public override bool IsValid(object? value) => value is null || (value is string clientId && ClientIds.IsValid(clientId));
}
