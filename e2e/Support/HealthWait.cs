using System.Diagnostics;
using System.Net;

namespace RealtimeApp.E2E.Support;

/// <summary>Waits until a server the test started answers 200 on <c>/healthz</c>, failing at once when its process exits.</summary>
internal static class HealthWait
{
    public static async Task UntilHealthyAsync(Uri baseAddress, Process process, string name, Func<string> output, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{name} exited with code {process.ExitCode} at start:{Environment.NewLine}{output()}");
                }

                if (await AnswersOkAsync(http, deadline.Token))
                {
                    return;
                }

                await timer.WaitForNextTickAsync(deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{name} did not serve /healthz within {timeout.TotalSeconds} s:{Environment.NewLine}{output()}");
        }
    }

    private static async Task<bool> AnswersOkAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            using var answer = await http.GetAsync(new Uri("healthz", UriKind.Relative), cancellationToken);
            return answer.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false; // not listening yet
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false; // one answer slower than 5 s: a busy machine, ask again
        }
    }
}
