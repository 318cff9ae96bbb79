namespace UMeetingReports.Simulator.Data;

/// <summary>
/// SplitMix64: tiny, fast and fully specified here, so the data set stays identical across .NET versions
/// (System.Random's seeded sequence is an implementation detail we should not build ground truth on).
/// Not thread-safe; each generator owns its instance.
/// </summary>
internal sealed class SeededRandom(ulong state)
{
    private ulong _state = state;

    /// <summary>A stream that depends on every part, so day N of seed S never shares numbers with day N+1.</summary>
    public static SeededRandom For(int seed, long stream, long part = 0)
    {
        var mixed = Mix((ulong)(uint)seed ^ 0x5851F42D4C957F2DUL);
        mixed = Mix(mixed ^ (ulong)stream);
        mixed = Mix(mixed ^ (ulong)part ^ 0xD1B54A32D192ED03UL);
        return new SeededRandom(mixed);
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [minInclusive, maxExclusive).</summary>
    public int Next(int minInclusive, int maxExclusive) =>
        minInclusive + (int)(NextUInt64() % (ulong)(maxExclusive - minInclusive));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count)];

    public void NextBytes(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)NextUInt64();
        }
    }

    /// <summary>Poisson-distributed count (Knuth); the means used here are small.</summary>
    public int NextPoisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        var limit = Math.Exp(-mean);
        var product = NextDouble();
        var count = 0;
        while (product > limit)
        {
            count++;
            product *= NextDouble();
        }

        return count;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
