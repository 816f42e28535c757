using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Web.Realtime.Procedures;

/// <summary>
/// Binds <c>params.input</c> to a handler's input type. Failures are BAD_REQUEST whose message names each field:
/// <c>roomId: Required</c>, issues joined by <c>"; "</c>, and listed in <c>data.issues</c> as <c>{path, message}</c>.
/// An absent input is <c>input: Required</c> (or the defaults, for an <see cref="IOptionalInput"/>); a <see cref="JsonElement"/> input receives the raw value
/// (<see cref="JsonValueKind.Undefined"/> when absent).
/// </summary>
public static class ProcedureInputBinder
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    public static T Bind<T>(JsonElement? input)
    {
        if (typeof(T) == typeof(JsonElement))
        {
            return (T)(object)(input ?? default);
        }

        if (input is null && typeof(IOptionalInput).IsAssignableFrom(typeof(T)))
        {
            input = EmptyObject;
        }

        if (input is null or { ValueKind: JsonValueKind.Null })
        {
            throw Invalid([new InputIssue("input", "Required")]);
        }

        CheckRequiredMembers<T>(input.Value);
        T? value;
        try
        {
            value = input.Value.Deserialize<T>(ProcedureJson.Options);
        }
        catch (JsonException exception)
        {
            throw Invalid([new InputIssue(FieldName(exception.Path), "Invalid value")]);
        }

        if (value is null)
        {
            throw Invalid([new InputIssue("input", "Required")]);
        }

        Validate(value);
        return value;
    }

    private static void CheckRequiredMembers<T>(JsonElement input)
    {
        if (input.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var missing = ProcedureJson.Options.GetTypeInfo(typeof(T)).Properties
            .Where(p => p.IsRequired && !input.TryGetProperty(p.Name, out _))
            .Select(p => new InputIssue(p.Name, "Required"))
            .ToList();
        if (missing.Count > 0)
        {
            throw Invalid(missing);
        }
    }

    private static void Validate(object value)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
        {
            return;
        }

        throw Invalid(results
            .SelectMany(r => r.MemberNames.DefaultIfEmpty("input").Select(member => new InputIssue(CamelCase(member), r.ErrorMessage ?? "Invalid value")))
            .ToList());
    }

    private static string FieldName(string? jsonPath)
    {
        var field = jsonPath?.TrimStart('$').TrimStart('.');
        return string.IsNullOrEmpty(field) ? "input" : field;
    }

    private static string CamelCase(string name) => ProcedureJson.Options.PropertyNamingPolicy?.ConvertName(name) ?? name;

    private static TrpcException Invalid(IReadOnlyList<InputIssue> issues) =>
        new(TrpcErrorCode.BadRequest,
            string.Join("; ", issues.Select(i => $"{i.Path}: {i.Message}")),
            new Dictionary<string, object?> { ["issues"] = issues });
}
