namespace UMeetingReports.Simulator.Faults;

/// <summary>
/// Every request the simulator received, so tests can count upstream calls. <see cref="Count"/> counts all since
/// the last <see cref="Clear"/>; <see cref="Snapshot"/> keeps the most recent <see cref="Capacity"/> so a
/// long-running demo does not grow without bound. Thread-safe.
/// </summary>
public sealed class SimulatorRequestLog
{
    public const int Capacity = 10_000;

    private readonly Lock _gate = new();
    private readonly Queue<SimulatorRequest> _recent = new();
    private int _count;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public IReadOnlyList<SimulatorRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _recent];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _recent.Clear();
            _count = 0;
        }
    }

    internal void Record(SimulatorRequest request)
    {
        lock (_gate)
        {
            if (_recent.Count == Capacity)
            {
                _recent.Dequeue();
            }

            _recent.Enqueue(request);
            _count++;
        }
    }
}
