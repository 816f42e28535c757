using RealtimeApp.Web.Shared.Settings;
using StackExchange.Redis;

namespace RealtimeApp.Web.Realtime.Backplane;

/// <summary>Reads <c>ConnectionStrings:Redis</c> for the backplane, refusing a missing or malformed one by name.</summary>
public static class RedisSettings
{
    /// <summary>
    /// The connection options; the node starts even while Redis is down (it keeps trying, and reports unhealthy
    /// meanwhile).
    /// </summary>
    public static ConfigurationOptions Parse(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidSettingException(
                "Realtime:Backplane is Redis, so ConnectionStrings:Redis must name the Redis server (for example 'localhost:6379').");
        }

        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(connectionString);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidSettingException($"ConnectionStrings:Redis is not a Redis connection string: {exception.Message}", exception);
        }

        if (options.EndPoints.Count == 0)
        {
            throw new InvalidSettingException("ConnectionStrings:Redis names no server (for example 'localhost:6379').");
        }

        options.AbortOnConnectFail = false;
        options.ClientName ??= "realtimeapp";
        return options;
    }
}
