using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Realtime.Protocol;
using RealtimeApp.Web.Shared.Actors;

namespace RealtimeApp.Web.Realtime.Procedures;

public static class ProcedureActor
{
    /// <summary>The user the connection authenticated as; UNAUTHORIZED when its principal carries no user id.</summary>
    public static Actor RequireActor(this ProcedureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        return context.User.ToActor()
            ?? throw new TrpcException(TrpcErrorCode.Unauthorized, "This connection is not signed in as a user.");
    }
}
