using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Web.Realtime;

namespace RealtimeApp.Tests.Features.Chat.Api.Support;

/// <summary>
/// Serves <c>/api/ws</c> in front of the app's pipeline for hosts whose Program.cs does not map it yet: the endpoint
/// <c>MapRealtimeApi</c> builds, run by a branch on its path.
/// </summary>
internal sealed class ApiEndpointStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var routes = new EndpointCollector(app);
        routes.MapRealtimeApi();
        var endpoint = routes.DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>().Single();
        app.MapWhen(context => context.Request.Path == ApiOptions.Path, branch => branch.Run(endpoint.RequestDelegate!));
        next(app);
    };

    private sealed class EndpointCollector(IApplicationBuilder app) : IEndpointRouteBuilder
    {
        public IServiceProvider ServiceProvider => app.ApplicationServices;

        public ICollection<EndpointDataSource> DataSources { get; } = [];

        public IApplicationBuilder CreateApplicationBuilder() => app.New();
    }
}
