namespace RealtimeApp.Web.Features.Sessions;

public enum ConnectionKind
{
    Circuit,
    Api,
}
