using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Web.Realtime.Backplane;

namespace RealtimeApp.Tests.Realtime.Backplane;

/// <summary>What <c>Realtime:*</c> settings a node starts with, and the ones it refuses with a message naming the setting.</summary>
public sealed class BackplaneSettingsTests
{
    [Fact]
    public void Default_IsOneNodeOnTheInMemoryBus()
    {
        var services = Configure(new Dictionary<string, string?>());

        services.ShouldNotContain(d => d.ServiceType == typeof(IEventBackplane));
    }

    [Fact]
    public void Redis_RegistersTheRedisBackplane()
    {
        var services = Configure(new Dictionary<string, string?> { ["Realtime:Backplane"] = "Redis", ["ConnectionStrings:Redis"] = "127.0.0.1:1", ["Realtime:Nodes"] = "3" });

        services.ShouldContain(d => d.ServiceType == typeof(IEventBackplane));
        services.ShouldContain(d => d.ServiceType == typeof(RedisEventBackplane));
    }

    [Theory]
    [InlineData("2", null, "Realtime:Nodes is 2, but Realtime:Backplane is InMemory")]
    [InlineData("0", null, "Realtime:Nodes must be at least 1")]
    [InlineData("1", "Redis", "ConnectionStrings:Redis must name the Redis server")]
    public void Refuses_WhatCannotWork(string nodes, string? backplane, string message)
    {
        var configuring = () => Configure(new Dictionary<string, string?> { ["Realtime:Nodes"] = nodes, ["Realtime:Backplane"] = backplane });

        configuring.ShouldThrow<InvalidOperationException>().Message.ShouldContain(message);
    }

    private static ServiceCollection Configure(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddEventBackplane(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services;
    }
}
