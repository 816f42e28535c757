namespace RealtimeApp.Web.Realtime.Procedures;

public enum ProcedureType
{
    Query,
    Mutation,
    Subscription,
}
