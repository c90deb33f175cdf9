namespace IsatapPlatform.Addressing.Tests.Support;

/// <summary>Deterministic property checks: a <see cref="Random"/> seeded with a fixed number drives
/// every case, so a failure reproduces on every machine and every run.</summary>
/// <remarks>CsCheck's <c>Sample(seed:)</c> only fixes the first iteration and then samples in
/// parallel from fresh seeds, so a run is not reproducible as a whole (hence no CsCheck here); a
/// <see cref="Random"/> built with a seed is: <c>new Random(int)</c> uses the same legacy algorithm
/// on every platform and has not changed since .NET Framework. The failure message names the seed
/// and the case index, so a failure can be replayed by running that one test.</remarks>
public static class Property
{
    /// <summary>The number of cases every property runs.</summary>
    public const int Cases = 100_000;

    /// <summary>Runs <paramref name="check"/> <paramref name="cases"/> times with a
    /// <see cref="Random"/> seeded with <paramref name="seed"/>.</summary>
    public static void ForAll(int seed, Action<Random> check, int cases = Cases)
    {
        var random = new Random(seed);
        for (int i = 0; i < cases; i++)
        {
            try
            {
                check(random);
            }
            catch (Exception e) when (e is not PropertyFailedException)
            {
                throw new PropertyFailedException($"Property failed at case {i} of {cases} (seed {seed}).", e);
            }
        }
    }
}

public sealed class PropertyFailedException(string message, Exception inner) : Exception(message, inner);
