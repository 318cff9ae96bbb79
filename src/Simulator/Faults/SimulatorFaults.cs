namespace UMeetingReports.Simulator.Faults;

/// <summary>
/// Faults programmed by tests. Rules are tried in the order added; every matching <see cref="FaultKind.Latency"/>
/// rule adds its delay, and the first matching rule of any other kind is applied. Each application uses up one
/// of the rule's <see cref="FaultRule.Times"/>. Thread-safe.
/// </summary>
public sealed class SimulatorFaults
{
    private readonly Lock _gate = new();
    private readonly List<ActiveRule> _rules = [];

    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfLessThan(rule.Times, 1);
        lock (_gate)
        {
            _rules.Add(new ActiveRule(rule) { Remaining = rule.Times });
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    internal FaultPlan Take(SimulatorRequest request, bool includeTerminal = true)
    {
        var delay = TimeSpan.Zero;
        FaultRule? chosen = null;
        lock (_gate)
        {
            foreach (var active in _rules)
            {
                if (active.Remaining <= 0 || !(active.Rule.When?.Invoke(request) ?? true))
                {
                    continue;
                }

                if (active.Rule.Kind == FaultKind.Latency)
                {
                    delay += active.Rule.Delay ?? FaultRule.DefaultLatency;
                }
                else if (includeTerminal && chosen is null)
                {
                    chosen = active.Rule;
                }
                else
                {
                    continue;
                }

                active.Remaining = active.Remaining == int.MaxValue ? int.MaxValue : active.Remaining - 1;
            }

            _rules.RemoveAll(active => active.Remaining <= 0);
        }

        return new FaultPlan(delay, chosen);
    }

    private sealed class ActiveRule(FaultRule rule)
    {
        public FaultRule Rule { get; } = rule;

        public int Remaining { get; set; }
    }
}

/// <summary>What to do to one request: wait <paramref name="Delay"/>, then apply <paramref name="Fault"/> if any.</summary>
internal sealed record FaultPlan(TimeSpan Delay, FaultRule? Fault);
