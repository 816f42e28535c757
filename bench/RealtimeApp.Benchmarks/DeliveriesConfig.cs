using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace RealtimeApp.Benchmarks;

/// <summary>Adds Op/s: with one operation per delivery, that is deliveries per second.</summary>
public class DeliveriesConfig : ManualConfig
{
    public DeliveriesConfig() => AddColumn(StatisticColumn.OperationsPerSecond);
}
