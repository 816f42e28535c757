using RealtimeApp.Web.Features.Users;

namespace RealtimeApp.Tests.Features.Users;

public sealed class PasswordGeneratorTests
{
    [Fact]
    public void Generate_MeetsIdentityDefaultPasswordRules()
    {
        for (var i = 0; i < 500; i++)
        {
            var password = PasswordGenerator.Generate();

            password.Length.ShouldBe(20);
            password.Any(char.IsUpper).ShouldBeTrue(password);
            password.Any(char.IsLower).ShouldBeTrue(password);
            password.Any(char.IsDigit).ShouldBeTrue(password);
            password.Any(c => !char.IsLetterOrDigit(c)).ShouldBeTrue(password);
        }
    }

    [Fact]
    public void Generate_ReturnsDifferentPasswords()
    {
        var passwords = Enumerable.Range(0, 100).Select(_ => PasswordGenerator.Generate()).ToHashSet();

        passwords.Count.ShouldBe(100);
    }
}
