namespace RealtimeApp.Web.Features.ApiTokens;

public enum ApiTokenStatus
{
    Active,
    Expired,
    Revoked,
}
