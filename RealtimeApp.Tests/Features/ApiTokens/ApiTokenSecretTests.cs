using System.Security.Cryptography;
using System.Text;
using RealtimeApp.Web.Features.ApiTokens;

namespace RealtimeApp.Tests.Features.ApiTokens;

public sealed class ApiTokenSecretTests
{
    [Fact]
    public void Generate_ReturnsWellFormedSecretsThatDiffer()
    {
        var first = ApiTokenSecret.Generate();
        var second = ApiTokenSecret.Generate();

        first.ShouldStartWith("rt_");
        first.Length.ShouldBe(46);
        ApiTokenSecret.IsWellFormed(first).ShouldBeTrue();
        second.ShouldNotBe(first);
    }

    [Fact]
    public void Hash_IsSha256OfTheUtf8Secret()
    {
        var secret = ApiTokenSecret.Generate();

        var hash = ApiTokenSecret.Hash(secret);

        hash.ShouldBe(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        hash.Length.ShouldBe(ApiTokenSecret.HashLength);
    }

    [Fact]
    public void PrefixOf_ReturnsFirstEightCharacters()
    {
        var prefix = ApiTokenSecret.PrefixOf("rt_abcdefghijk");

        prefix.ShouldBe("rt_abcde");
    }

    [Fact]
    public void Matches_IsTrueOnlyForTheSameSecret()
    {
        var secret = ApiTokenSecret.Generate();
        var stored = ApiTokenSecret.Hash(secret);

        var same = ApiTokenSecret.Matches(stored, secret);
        var other = ApiTokenSecret.Matches(stored, ApiTokenSecret.Generate());

        same.ShouldBeTrue();
        other.ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("rt_short")]
    [InlineData("xx_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("rt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")]
    public void IsWellFormed_IsFalse_WhenShapeIsWrong(string? secret)
    {
        var wellFormed = ApiTokenSecret.IsWellFormed(secret);

        wellFormed.ShouldBeFalse();
    }
}
