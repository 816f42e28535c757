using RealtimeApp.Web.Features.Admin.Dashboard;
using RealtimeApp.Web.Features.Operations;

namespace RealtimeApp.Tests.Features.Operations;

public sealed class DashboardHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Rooms_SumsTheLastMinuteAndShowsTheLastSecond()
    {
        var history = Enumerable.Range(0, 70)
            .Select(i => Sample(i, i == 0 ? new() { ["old"] = 9 } : i == 69 ? new() { ["dev"] = 2, ["ops"] = 1 } : new() { ["dev"] = 1 }))
            .ToList();

        var rooms = DashboardHistory.Rooms(history);

        rooms.ShouldBe([new RoomActivity("dev", 61, 2), new RoomActivity("ops", 1, 1)]);
    }

    [Fact]
    public void Downsample_AveragesIntoAtMostMaxPoints_EndingWithTheNewestSample()
    {
        var history = Enumerable.Range(0, 600).Select(i => Sample(i, [], messagesIn: i)).ToList();

        var points = DashboardHistory.Downsample(history, s => s.MessagesInPerSecond);

        points.Length.ShouldBe(DashboardHistory.MaxPoints);
        points[^1].ShouldBe(597);
        points[0].ShouldBe(2);
    }

    [Fact]
    public void Labels_MarkNowAndWholeMinutes()
    {
        var history = Enumerable.Range(0, 600).Select(i => Sample(i, [])).ToList();

        var labels = DashboardHistory.Labels(history);

        labels.Length.ShouldBe(DashboardHistory.MaxPoints);
        labels[^1].ShouldBe("now");
        labels.Where(label => label.Length > 0).ShouldBe(["-9m", "-8m", "-7m", "-6m", "-5m", "-4m", "-3m", "-2m", "-1m", "now"]);
    }

    private static MetricSample Sample(int second, Dictionary<string, long> rooms, double messagesIn = 0) =>
        new(Start.AddSeconds(second), 0, 0, messagesIn, 0, 0, 0, 0, rooms);
}
