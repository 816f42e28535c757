using RealtimeApp.Web.Cli;
using RealtimeApp.Web.Shared.Settings;

if (CommandLineParser.IsCommand(args))
{
    return await CommandLineApp.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
try
{
    AddServices(builder);
}
catch (InvalidSettingException exception)
{
    await Console.Error.WriteLineAsync($"RealtimeApp cannot start: {exception.Message}");
    return 1;
}

var app = builder.Build();

app.UseSecurityHeaders();
app.UseRealtimeApi();
app.UseAppShell();
app.MapRealtimeAppHealth();
app.MapRealtimeAppMetrics();
app.MapAppShell();

await app.RunAsync();
return 0;

static void AddServices(WebApplicationBuilder builder)
{
    // The first hosted service: the others (the Data Protection key ring among them) read the database as they start.
    builder.Services.AddDatabaseInitializer();
    builder.Services.AddRealtimeAppData(builder.Configuration, builder.Environment.ContentRootPath);
    builder.Services.AddRealtimeAppUsers();
    builder.Services.AddRealtimeAppAuthentication();
    builder.Services.AddSignInAbuseControls(builder.Configuration);
    builder.Services.AddRealtimeAppHealthChecks();
    builder.Services.AddRealtimeAppMetrics();
    builder.Services.AddRealtimeAppTracing(builder.Configuration);
    builder.Services.AddEventBackplane(builder.Configuration);
    builder.Services.AddRealtimeCore();
    builder.Services.AddRealtimeApi();
    builder.Services.AddAppShell();
    builder.Services.AddSecurityHeaders();
    builder.Services.AddFluxor(o => o.ScanAssemblies(typeof(Program).Assembly));
    builder.Services.AddConnectionStatus();
    builder.Services.AddRateLimitsFeature();
    builder.Services.AddRoomsFeature();
    builder.Services.AddRoomsApi();
    builder.Services.AddChatFeature();
    builder.Services.AddChatApi();
    builder.Services.AddTasksFeature();
    builder.Services.AddTasksApi();
    builder.Services.AddAgentsFeature();
    builder.Services.AddAgentsApi();
    builder.Services.AddApiTokensFeature();
    builder.Services.AddAdminConsole();
    builder.Services.AddDemoFeature();
}
