using RealtimeApp.Tests.Support;

namespace RealtimeApp.Tests.Integration;

/// <summary>The app's executable started with a setting it cannot work with: one line naming the setting, a non-zero exit.</summary>
public sealed class StartupSettingsProcessTests
{
    [Theory]
    [InlineData("Database__Provider", "Oracle", null, "Database:Provider is 'Oracle'; it must be Sqlite (the default) or Postgres.")]
    [InlineData("Database__Provider", "Postgres", null, "Database:Provider is Postgres, so ConnectionStrings:Default must name the server")]
    [InlineData("Database__Provider", "Postgres", "Hots=db.internal;Database=app", "ConnectionStrings:Default is not a PostgreSQL connection string")]
    [InlineData("Database__Provider", "Postgres", "Database=app", "ConnectionStrings:Default names no PostgreSQL server")]
    [InlineData("Realtime__Nodes", "2", null, "Realtime:Nodes is 2, but Realtime:Backplane is InMemory")]
    [InlineData("Realtime__Backplane", "Redis", null, "ConnectionStrings:Redis must name the Redis server")]
    [InlineData("OpenTelemetry__OtlpEndpoint", "otel-collector:4318", null, "OpenTelemetry:OtlpEndpoint must be an absolute http or https URL")]
    [InlineData("SignIn__FailuresPerAddress", "-1", null, "SignIn:FailuresPerAddress must be a whole number from 0 to 100000 (it is '-1').")]
    public async Task Start_ExitsNonZeroWithOneLineNamingTheSetting_WhenASettingCannotWork(string key, string value, string? connectionString, string message)
    {
        var environment = new Dictionary<string, string?> { [key] = value, ["ConnectionStrings__Default"] = connectionString };

        var (exitCode, error) = await StartAsync(environment);

        exitCode.ShouldNotBe(0);
        var line = error.TrimEnd().Split('\n').ShouldHaveSingleItem();
        line.ShouldStartWith("RealtimeApp cannot start: ");
        line.ShouldContain(message);
    }

    private static async Task<(int ExitCode, string Error)> StartAsync(Dictionary<string, string?> environment)
    {
        environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        var (exitCode, _, error) = await AppProcess.RunAsync([], environment);
        return (exitCode, error);
    }
}
