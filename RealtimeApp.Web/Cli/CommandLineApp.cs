using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.ApiTokens;
using RealtimeApp.Web.Features.Audit;
using RealtimeApp.Web.Features.Users;

namespace RealtimeApp.Web.Cli;

/// <summary>Runs one command against the app's database with the app's configuration, then exits.</summary>
public static class CommandLineApp
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter output,
        TextWriter error,
        IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var parsed = CommandLineParser.Parse(args);
        if (parsed.Command is null)
        {
            await error.WriteLineAsync($"error: {parsed.Error}");
            return UsageError;
        }

        if (parsed.Command is ShowUsageCommand)
        {
            await output.WriteLineAsync(CommandLineParser.Usage);
            return Success;
        }

        try
        {
            await using var host = BuildHost(settings);
            await using var scope = host.Services.CreateAsyncScope();
            await using (await StartupLock.AcquireAsync(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>(), CancellationToken.None))
            {
                await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
                await scope.ServiceProvider.GetRequiredService<RoleSeeder>().EnsureRolesAsync();
            }

            return parsed.Command switch
            {
                CreateUserCommand create => await CreateUserAsync(scope.ServiceProvider, create, output, error),
                CreateTokenCommand create => await CreateTokenAsync(scope.ServiceProvider, create, output, error),
                SetLimitsCommand set => await LimitsCommands.SetAsync(scope.ServiceProvider, set, output, error),
                ShowLimitsCommand show => await LimitsCommands.ShowAsync(scope.ServiceProvider, show, output, error),
                _ => throw new InvalidOperationException($"No handler for {parsed.Command.GetType().Name}."),
            };
        }
        catch (Exception exception) when (exception is InvalidOperationException or OptionsValidationException or DbException)
        {
            await error.WriteLineAsync($"error: {exception.Message.ReplaceLineEndings(" ")}");
            return Failure;
        }
    }

    private static async Task<int> CreateUserAsync(IServiceProvider services, CreateUserCommand command, TextWriter output, TextWriter error)
    {
        var result = await services.GetRequiredService<UserAccountService>().CreateAsync(command.Email, command.Password, command.Role);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync($"error: users create: {result.Error}");
            return Failure;
        }

        await services.GetRequiredService<IAuditLog>().WriteAsync(
            CommandLineOperator.Actor, AuditActions.UserCreated, $"user:{command.Email}", before: null, after: new { command.Email, Roles = new[] { command.Role } });
        await output.WriteLineAsync($"Created {command.Role} {command.Email}.");
        return Success;
    }

    private static async Task<int> CreateTokenAsync(IServiceProvider services, CreateTokenCommand command, TextWriter output, TextWriter error)
    {
        var user = await services.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(command.Email);
        if (user is null)
        {
            await error.WriteLineAsync($"error: tokens create: no user with email '{command.Email}'.");
            return Failure;
        }

        var expiresAt = command.ExpiresDays is { } days ? services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(days) : (DateTimeOffset?)null;
        var created = await services.GetRequiredService<ApiTokenService>().CreateAsync(user.Id, command.Name, expiresAt, command.Scopes);
        if (!created.Succeeded)
        {
            await error.WriteLineAsync($"error: tokens create: {created.Failure!.Message}");
            return Failure;
        }

        // The token alone, so that scripts can capture it: TOKEN=$(dotnet run ... -- tokens create ...).
        await output.WriteLineAsync(created.Value!.Secret);
        return Success;
    }

    private static WebApplication BuildHost(IEnumerable<KeyValuePair<string, string?>>? settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        // Commands print their result on stdout; only warnings and errors are logged, and to stderr.
        builder.Configuration.AddInMemoryCollection(
        [
            new("Logging:LogLevel:Default", "Warning"),
            new("Logging:LogLevel:Microsoft.AspNetCore", "Warning"),
            new("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning"),
        ]);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddRealtimeAppData(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddRealtimeAppUsers();
        builder.Services.AddApiTokensFeature();
        builder.Services.AddRealtimeCore();
        builder.Services.AddRateLimitsFeature();
        return builder.Build();
    }
}
