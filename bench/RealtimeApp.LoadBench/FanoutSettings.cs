namespace RealtimeApp.LoadBench;

public sealed record FanoutSettings(int Connections, int Rooms, int DeliveriesPerSecond, int Publishers, int WarmupSeconds, int Seconds);
