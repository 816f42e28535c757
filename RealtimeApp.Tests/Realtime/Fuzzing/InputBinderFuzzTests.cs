using System.Reflection;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Realtime.Procedures;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Tests.Realtime.Fuzzing;

/// <summary>Every procedure of the app binds any input to its input type, or refuses it with a protocol error.</summary>
public sealed class InputBinderFuzzTests : IAsyncLifetime
{
    private static readonly MethodInfo Bind = typeof(ProcedureInputBinder).GetMethod(nameof(ProcedureInputBinder.Bind))!;

    private readonly RealtimeAppFactory _app = new();
    private List<(string Path, Type InputType, string[] Fields)> _procedures = [];

    public ValueTask InitializeAsync()
    {
        var router = _app.Services.GetRequiredService<ProcedureRouter>();
        _procedures = [.. router.Paths.Order()
            .Select(path => router.TryFind(path, out var procedure) ? procedure! : throw new InvalidOperationException(path))
            .Where(procedure => procedure.InputType is not null && procedure.InputType != typeof(JsonElement))
            .Select(procedure => (procedure.Path, procedure.InputType!, FieldsOf(procedure.InputType!)))];
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void Bind_ReturnsTheInputOrABadRequest_ForAnyJsonOfEveryProcedure()
    {
        _procedures.Count.ShouldBeGreaterThan(10, "the app's procedures with an input");
        var inputs = Gen.Int[0, _procedures.Count - 1].SelectMany(index => Gen.OneOf(HostileJson.Value, ObjectOf(_procedures[index].Fields))
            .Select(json => (Procedure: _procedures[index], Json: json)));

        // The frame parser and the HTTP inputs refuse undecodable strings before any binding: the binder never sees one.
        inputs.Where(input => IsJson(input.Json) && !UndecodableStrings.TryFind(Encoding.UTF8.GetBytes(input.Json), out _)).Sample(input =>
        {
            using var document = JsonDocument.Parse(input.Json);
            try
            {
                Bind.MakeGenericMethod(input.Procedure.InputType).Invoke(null, [(JsonElement?)document.RootElement]);
            }
            catch (TargetInvocationException exception) when (exception.InnerException is TrpcException refusal)
            {
                refusal.Code.ShouldBe(TrpcErrorCode.BadRequest, $"{input.Procedure.Path}: {refusal.Message}");
            }
        }, time: FuzzBudget.Seconds, threads: FuzzBudget.Threads, print: input => $"{input.Procedure.Path} {input.Json}");
    }

    /// <summary>Objects with the input type's own fields (some of them, in any order, any values), as a client would send them.</summary>
    private static Gen<string> ObjectOf(string[] fields) =>
        Gen.Select(Gen.OneOf(fields), HostileJson.Value, (name, value) => $"\"{name}\":{value}")
            .Array[0, fields.Length + 1]
            .Select(members => "{" + string.Join(",", members) + "}");

    private static string[] FieldsOf(Type inputType) =>
        [.. ProcedureJson.Options.GetTypeInfo(inputType).Properties.Select(property => property.Name).DefaultIfEmpty("x")];

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
