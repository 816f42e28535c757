using RealtimeApp.Web.Features.Rooms;

namespace RealtimeApp.Tests.Features.Rooms.RoomIdsTests;

public sealed class UniqueTests
{
    [Fact]
    public void Unique_ReturnsId_WhenItIsFree()
    {
        var id = RoomIds.Unique("dev", new HashSet<string> { "ops" });

        id.ShouldBe("dev");
    }

    [Fact]
    public void Unique_AppendsTwo_WhenIdIsTaken()
    {
        var id = RoomIds.Unique("dev", new HashSet<string> { "dev" });

        id.ShouldBe("dev-2");
    }

    [Fact]
    public void Unique_AppendsNextFreeNumber_WhenSuffixesAreTakenToo()
    {
        var id = RoomIds.Unique("dev", new HashSet<string> { "dev", "dev-2", "dev-3" });

        id.ShouldBe("dev-4");
    }

    [Fact]
    public void Unique_FillsTheFirstGap_WhenALowerSuffixIsFree()
    {
        var id = RoomIds.Unique("dev", new HashSet<string> { "dev", "dev-3" });

        id.ShouldBe("dev-2");
    }
}
