using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging.Abstractions;
using RealtimeApp.Web.State.Registration;

namespace RealtimeApp.Web.State;

/// <summary>
/// The circuit's store: one FIFO queue and one drainer at a time. Whoever finds the queue idle drains it;
/// any dispatch that arrives meanwhile (re-entrant or from another thread) only enqueues.
/// </summary>
internal sealed partial class Store : IStore, IDispatcher, IDisposable
{
    private readonly Lock _queueLock = new();
    private readonly Queue<object> _queue = new();
    private readonly TaskCompletionSource _initialized = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StoreRegistrations _registrations;
    private readonly IServiceProvider _services;
    private readonly IFeature[] _features;
    private readonly IMiddleware[] _middlewares;
    private readonly ILogger _logger;
    private object[] _effectHosts = [];
    private IEffect[] _effects = [];
    private bool _initializeStarted;
    private bool _accepting;
    private bool _draining;
    private bool _disposed;

    public Store(StoreRegistrations registrations, IServiceProvider services)
    {
        _registrations = registrations;
        _services = services;
        _features = [.. registrations.Features.Select(feature => feature.Resolve(services))];
        _middlewares = [.. registrations.MiddlewareTypes.Select(type => (IMiddleware)services.GetRequiredService(type))];
        _logger = services.GetService<ILogger<Store>>() ?? NullLogger<Store>.Instance;
    }

    public event EventHandler<Exceptions.UnhandledExceptionEventArgs>? UnhandledException;

    public Task Initialized => _initialized.Task;

    public void Dispatch(object action)
    {
        ArgumentNullException.ThrowIfNull(action);

        lock (_queueLock)
        {
            if (_disposed)
            {
                return;
            }

            _queue.Enqueue(action);
            if (!_accepting || _draining)
            {
                return;
            }

            _draining = true;
        }

        Drain();
    }

    public async Task InitializeAsync()
    {
        bool alreadyStarted;
        lock (_queueLock)
        {
            alreadyStarted = _initializeStarted;
            _initializeStarted = true;
        }

        if (alreadyStarted)
        {
            await Initialized;
            return;
        }

        try
        {
            CreateEffects();
            foreach (var middleware in _middlewares)
            {
                await middleware.InitializeAsync(this, this);
            }

            bool drain;
            lock (_queueLock)
            {
                _accepting = true;
                drain = _draining = _queue.Count > 0;
            }

            try
            {
                if (drain)
                {
                    Drain();
                }
            }
            finally
            {
                _initialized.TrySetResult();
            }
        }
        catch (Exception exception)
        {
            _initialized.TrySetException(exception);
            throw;
        }
    }

    public void Dispose()
    {
        lock (_queueLock)
        {
            // The container disposes this once per registration it was resolved through (Store, IStore, IDispatcher).
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _queue.Clear();
        }

        foreach (var host in _effectHosts.OfType<IDisposable>())
        {
            host.Dispose();
        }
    }

    /// <summary>Processes queued actions until the queue is empty; only one thread drains at a time.</summary>
    private void Drain()
    {
        List<Exception>? failures = null;
        while (true)
        {
            object action;
            lock (_queueLock)
            {
                if (!_queue.TryDequeue(out action!))
                {
                    _draining = false;
                    break;
                }
            }

            try
            {
                Process(action);
            }
            catch (Exception exception)
            {
                // Keep the queue moving; a failing reducer or middleware is reported to this dispatcher's caller.
                (failures ??= []).Add(exception);
            }
        }

        if (failures is [var single])
        {
            ExceptionDispatchInfo.Throw(single);
        }

        if (failures is not null)
        {
            throw new AggregateException("Several actions failed in the store.", failures);
        }
    }
}
