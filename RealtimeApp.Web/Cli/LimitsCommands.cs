using System.Globalization;
using RealtimeApp.Domain.RateLimits;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Features.RateLimits;

namespace RealtimeApp.Web.Cli;

/// <summary>
/// <c>limits set</c> changes the given fields of a user's override (the others stay as they were; <c>default</c> removes
/// a field, so the role's default applies again) through the same
/// service as the admin page; <c>limits show</c> prints the effective limits and their sources.
/// </summary>
internal static class LimitsCommands
{
    public static async Task<int> SetAsync(IServiceProvider services, SetLimitsCommand command, TextWriter output, TextWriter error)
    {
        var policies = services.GetRequiredService<RateLimitPolicyService>();
        var user = await policies.FindUserAsync(CommandLineOperator.Actor, command.Email);
        if (!user.Succeeded)
        {
            await error.WriteLineAsync($"error: limits set: {user.Failure!.Message}");
            return CommandLineApp.Failure;
        }

        var merged = (user.Value!.Override ?? RateLimitValues.Empty).With(command.Changes).Without(command.Cleared);
        var saved = await policies.SetOverrideAsync(CommandLineOperator.Actor, user.Value.UserId, merged);
        if (!saved.Succeeded)
        {
            await error.WriteLineAsync($"error: limits set: {saved.Failure!.Message}");
            return CommandLineApp.Failure;
        }

        var changed = RateLimitRules.Fields.Where(f => command.Changes[f] is not null || command.Cleared.Contains(f))
            .Select(f => string.Create(
                CultureInfo.InvariantCulture,
                $"{RateLimitRules.Label(f).ToLowerInvariant()} {Show(saved.Value!.Before?[f])} → {(command.Cleared.Contains(f) ? "inherited" : command.Changes[f])}"));
        await output.WriteLineAsync($"Set {command.Email}: {string.Join(", ", changed)}.");
        return CommandLineApp.Success;
    }

    public static async Task<int> ShowAsync(IServiceProvider services, ShowLimitsCommand command, TextWriter output, TextWriter error)
    {
        var user = await services.GetRequiredService<RateLimitPolicyService>().FindUserAsync(CommandLineOperator.Actor, command.Email);
        if (!user.Succeeded)
        {
            await error.WriteLineAsync($"error: limits show: {user.Failure!.Message}");
            return CommandLineApp.Failure;
        }

        var limits = user.Value!;
        await output.WriteLineAsync($"Rate limits of {limits.Email} ({(limits.IsAdmin ? Roles.Admin : Roles.Staff)}):");
        foreach (var field in RateLimitRules.Fields)
        {
            var effective = limits.Effective[field];
            var source = effective.Source == RateLimitSource.Override ? "override" : $"{effective.Source} default";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {RateLimitRules.Label(field),-30} {effective.Value,10}  ({source})"));
        }

        return CommandLineApp.Success;
    }

    private static string Show(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "inherited";
}
