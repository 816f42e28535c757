using RealtimeApp.E2E.Pages;
using RealtimeApp.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace RealtimeApp.E2E.Tests;

public sealed class ChatRoomsTests(BrowserHost host)
{
    [Fact]
    public async Task UnreadCount_RisesLive_ForARoomThatIsNotOpen()
    {
        var (pageA, emailA) = await host.NewStaffAsync("uma");
        var (pageB, emailB) = await host.NewStaffAsync("ugo");
        var roomId = await host.App.CreateRoomAsync($"ops-{Guid.NewGuid():N}"[..12], isPrivate: false, emailA, emailB);
        var chatA = new ChatPage(pageA);
        var chatB = new ChatPage(pageB);
        await chatA.OpenAsync(roomId);
        await chatB.OpenAsync();

        await chatA.SendAsync("first in ops");
        await chatA.SendAsync("second in ops");

        await Expect(chatB.UnreadBadge(roomId, 2)).ToBeVisibleAsync();
        await chatB.RoomLink(roomId).ClickAsync();
        await Expect(chatB.Message("second in ops")).ToBeVisibleAsync();
        await Expect(chatB.UnreadBadge(roomId, 2)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task EditAndDelete_ReachOtherUsersLive()
    {
        var (pageA, _) = await host.NewStaffAsync("eda");
        var (pageB, _) = await host.NewStaffAsync("edb");
        var chatA = new ChatPage(pageA);
        var chatB = new ChatPage(pageB);
        await chatA.OpenAsync();
        await chatB.OpenAsync();
        var original = $"typo here {Guid.NewGuid():N}";
        var fixedText = $"fixed here {Guid.NewGuid():N}";
        await chatA.SendAsync(original);
        await Expect(chatB.Message(original)).ToBeVisibleAsync();

        await chatA.EditAsync(original, fixedText);

        await Expect(chatB.Message(fixedText)).ToContainTextAsync("(edited)");
        await chatA.DeleteAsync(fixedText);
        await Expect(chatB.Message(fixedText)).ToHaveCountAsync(0);
        await Expect(chatB.Messages.GetByText("message deleted").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ArchivedRoom_IsReadOnly_WithAVisibleMessage()
    {
        var (page, email) = await host.NewStaffAsync("arc");
        var roomId = await host.App.CreateRoomAsync($"old-{Guid.NewGuid():N}"[..12], isPrivate: false, email);
        var chat = new ChatPage(page);
        await chat.OpenAsync(roomId);
        await chat.SendAsync("last words");
        await Expect(chat.Message("last words")).ToBeVisibleAsync();

        await host.App.ArchiveRoomAsync(roomId);

        await Expect(chat.Notice("is archived: it is read-only.")).ToBeVisibleAsync();
        await Expect(chat.Composer).ToHaveCountAsync(0);
        await Expect(chat.Message("last words")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task RemovedMember_StopsReceivingAPrivateRoom_AtOnce()
    {
        var (pageA, emailA) = await host.NewStaffAsync("kim");
        var (pageB, emailB) = await host.NewStaffAsync("kit");
        var roomId = await host.App.CreateRoomAsync($"sec-{Guid.NewGuid():N}"[..12], isPrivate: true, emailA, emailB);
        var chatA = new ChatPage(pageA);
        var chatB = new ChatPage(pageB);
        await chatA.OpenAsync(roomId);
        await chatB.OpenAsync(roomId);

        await host.App.RemoveMemberAsync(roomId, emailB);
        await chatA.SendAsync("after you left");

        await Expect(chatB.Notice("You are no longer a member of")).ToBeVisibleAsync();
        await Expect(chatA.Message("after you left")).ToBeVisibleAsync();
        await Expect(chatB.Message("after you left")).ToHaveCountAsync(0);
        await Expect(chatB.RoomLink(roomId)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task LeavingARoom_ReturnsToGeneral_AndOffersToJoinAgain()
    {
        var (page, email) = await host.NewStaffAsync("lea");
        var roomId = await host.App.CreateRoomAsync($"bye-{Guid.NewGuid():N}"[..12], isPrivate: false, email);
        var chat = new ChatPage(page);
        await chat.OpenAsync(roomId);

        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Leave room" }).ClickAsync();

        await Expect(chat.RoomHeading("general")).ToBeVisibleAsync();
        await Expect(chat.RoomLink(roomId)).ToHaveCountAsync(0);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = $"Join {roomId}" }).ClickAsync();
        await Expect(chat.RoomLink(roomId)).ToBeVisibleAsync();
    }
}
