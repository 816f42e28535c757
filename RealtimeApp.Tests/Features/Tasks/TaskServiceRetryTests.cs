using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Tasks;

namespace RealtimeApp.Tests.Features.Tasks;

/// <summary>A create that carries a client id makes at most one task per creating user, however often it is sent again.</summary>
public sealed class TaskServiceRetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task CreateAsync_ReturnsTheOriginalTaskAndPublishesOnce_WhenTheSameClientIdIsSentAgain(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var published = new ConcurrentQueue<TaskProgressed>();
        using var subscription = host.Get<EventHub>().SubscribeAll<TaskProgressed>(published.Enqueue);
        var tasks = host.Get<TaskService>();
        var first = (await tasks.CreateAsync(ana, "Build", agentId: null, id: null, clientId: "c-1", Ct)).Value!;

        var retry = (await tasks.CreateAsync(ana, "Build", agentId: null, id: null, clientId: "c-1", Ct)).Value!;

        (retry.Id, retry.CreatedAt, retry.ClientId).ShouldBe((first.Id, first.CreatedAt, "c-1"));
        published.ShouldHaveSingleItem().TaskId.ShouldBe(first.Id);
        await using var db = await host.OpenDbAsync();
        (await db.Tasks.CountAsync(Ct)).ShouldBe(1);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task CreateAsync_MakesOneTask_WhenRetriesRaceTheOriginal(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var tasks = host.Get<TaskService>();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => tasks.CreateAsync(ana, "Build", null, null, "c-race", Ct))));

        answers.Select(answer => answer.Value!.Id).Distinct().ShouldHaveSingleItem();
        await using var db = await host.OpenDbAsync();
        (await db.Tasks.CountAsync(Ct)).ShouldBe(1);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task CreateAsync_MakesOneTask_WhenRetriesWithTheCallersOwnTaskIdRaceTheOriginal(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var tasks = host.Get<TaskService>();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => tasks.CreateAsync(ana, "Build", null, "build-1", "c-race", Ct))));

        answers.ShouldAllBe(answer => answer.Value != null && answer.Value.Id == "build-1");
        await using var db = await host.OpenDbAsync();
        (await db.Tasks.CountAsync(Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task CreateAsync_IsConflict_WhenTheClientIdWasUsedForAnotherTask()
    {
        await using var host = await ChatHost.StartAsync();
        var ana = await host.CreateUserAsync("ana");
        var tasks = host.Get<TaskService>();
        await tasks.CreateAsync(ana, "Build", null, "build-1", "c-1", Ct);

        var otherTitle = await tasks.CreateAsync(ana, "Deploy", null, null, "c-1", Ct);
        var otherId = await tasks.CreateAsync(ana, "Build", null, "build-2", "c-1", Ct);
        var otherAgent = await tasks.CreateAsync(ana, "Build", "runner-1", null, "c-1", Ct);

        otherTitle.Failure.ShouldNotBeNull().Message.ShouldBe("clientId 'c-1' was already used for another task ('build-1'); create a new task with a new clientId.");
        otherId.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Conflict);
        otherAgent.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Conflict);
    }

    [Fact]
    public async Task CreateAsync_ReturnsTheOriginal_WhenRetriedWithTheCallersOwnTaskId()
    {
        await using var host = await ChatHost.StartAsync();
        var ana = await host.CreateUserAsync("ana");
        var tasks = host.Get<TaskService>();
        await tasks.CreateAsync(ana, "Build", null, "build-1", "c-1", Ct);

        var retry = await tasks.CreateAsync(ana, "Build", null, "build-1", "c-1", Ct);
        var withoutClientId = await tasks.CreateAsync(ana, "Build", null, "build-1", null, Ct);

        retry.Value.ShouldNotBeNull().Id.ShouldBe("build-1");
        withoutClientId.Failure.ShouldNotBeNull().Message.ShouldBe("A task with id 'build-1' already exists.");
    }

    [Fact]
    public async Task CreateAsync_MakesTwoTasks_WhenTwoUsersUseTheSameClientId()
    {
        await using var host = await ChatHost.StartAsync();
        var ana = await host.CreateUserAsync("ana");
        var ben = await host.CreateUserAsync("ben");
        var tasks = host.Get<TaskService>();

        var fromAna = await tasks.CreateAsync(ana, "Build", null, null, "shared", Ct);
        var fromBen = await tasks.CreateAsync(ben, "Build", null, null, "shared", Ct);

        fromBen.Value.ShouldNotBeNull().Id.ShouldNotBe(fromAna.Value.ShouldNotBeNull().Id);
    }

    [Fact]
    public async Task CreateAsync_IsInvalidNamingClientId_WhenTheClientIdBreaksTheRule()
    {
        await using var host = await ChatHost.StartAsync();
        var ana = await host.CreateUserAsync("ana");

        var created = await host.Get<TaskService>().CreateAsync(ana, "Build", null, null, new string('x', 65), Ct);

        created.Failure.ShouldNotBeNull().Message.ShouldBe("clientId: 1 to 64 characters of A-Z, a-z, 0-9, '_' or '-'.");
    }
}
