using Microsoft.AspNetCore.Identity;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Users;

public sealed record UserCreationResult(ApplicationUser? User, string? Error)
{
    public bool Succeeded => User is not null;

    public static UserCreationResult Created(ApplicationUser user) => new(user, null);

    public static UserCreationResult Failed(string error) => new(null, error);

    public static UserCreationResult Failed(IEnumerable<IdentityError> errors) =>
        Failed(string.Join(" ", errors.Select(error => error.Description)));
}
