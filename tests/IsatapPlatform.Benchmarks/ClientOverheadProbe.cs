using System.Diagnostics;
using System.Runtime.InteropServices;

namespace IsatapPlatform.Benchmarks;

/// <summary>A cross-check of <see cref="ClientBenchmarks"/> that survives a shared machine: it alternates short
/// rounds of the baseline and the client call (ABAB...), so that load which comes and goes hits both alike, and
/// reports the median of the per-round ratios. BenchmarkDotNet runs one case after the other, minutes apart, so
/// a load change between them moves its Ratio column; this probe does not replace it, it says whether a ratio far
/// from 1 is the client or the machine.</summary>
/// <remarks>Run: <c>dotnet run -c Release --project tests/IsatapPlatform.Benchmarks -- --client-overhead [rounds]</c>.</remarks>
public static class ClientOverheadProbe
{
    private const int CallsPerRound = 200;

    /// <summary>Runs the probe for both hosts and both calls and prints one line each.</summary>
    public static async Task RunAsync(int rounds)
    {
        foreach (var host in new[] { "Kestrel", "TestServer" })
        {
            var benchmarks = new ClientBenchmarks { Host = host };
            benchmarks.Setup();
            try
            {
                if (host == "Kestrel") await MappingCostAsync(benchmarks);
                await ProbeAsync($"{host,-10} derive ", rounds, async () => await benchmarks.DeriveRawOnce(), async () => await benchmarks.DeriveClientOnce());
                await ProbeAsync($"{host,-10} inspect", rounds, async () => await benchmarks.InspectRawOnce(), async () => await benchmarks.InspectClientOnce());
            }
            finally
            {
                benchmarks.Cleanup();
            }
        }
    }

    // How long the client's mapping of the contract records to its typed results takes, alone (no I/O).
    private static async Task MappingCostAsync(ClientBenchmarks benchmarks)
    {
        var inspect = await benchmarks.InspectRawOnce();
        var map = typeof(IsatapPlatform.Client.IsatapPlatformClient).GetMethod("ToInspectedAddress",
            System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .CreateDelegate<Func<IsatapPlatform.Contracts.Addresses.InspectResponse, IsatapPlatform.Client.InspectedAddress>>();
        const int N = 200_000;
        for (int i = 0; i < N; i++) map(inspect);
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < N; i++) map(inspect);
        double us = Stopwatch.GetElapsedTime(start).TotalMicroseconds / N;
        Console.WriteLine($"mapping InspectResponse -> InspectedAddress: {us * 1000:F0} ns/call, {(GC.GetAllocatedBytesForCurrentThread() - allocated) / N} B/call");
    }

    private static async Task ProbeAsync(string name, int rounds, Func<Task> baseline, Func<Task> client)
    {
        for (int i = 0; i < 2_000; i++)
        {
            await baseline();
            await client();
        }
        var baselineWall = new double[rounds];
        var clientWall = new double[rounds];
        var wallRatios = new double[rounds];
        var cpuRatios = new double[rounds];
        for (int r = 0; r < rounds; r++)
        {
            // Alternate which goes first, so neither always follows the other's garbage.
            (double Wall, double Cpu) b, c;
            if (r % 2 == 1)
            {
                c = await TimeAsync(client);
                b = await TimeAsync(baseline);
            }
            else
            {
                b = await TimeAsync(baseline);
                c = await TimeAsync(client);
            }
            baselineWall[r] = b.Wall;
            clientWall[r] = c.Wall;
            wallRatios[r] = c.Wall / b.Wall;
            cpuRatios[r] = c.Cpu / b.Cpu;
        }
        Console.WriteLine($"{name}: wall us/call baseline {Median(baselineWall):F1}, client {Median(clientWall):F1}; "
            + $"median per-round ratio: wall {Median(wallRatios):F3} (IQR {Percentile(wallRatios, 0.25):F3}-{Percentile(wallRatios, 0.75):F3}), "
            + $"process CPU {Median(cpuRatios):F3} (IQR {Percentile(cpuRatios, 0.25):F3}-{Percentile(cpuRatios, 0.75):F3}); {rounds} rounds x {CallsPerRound} calls");
    }

    private static async Task<(double Wall, double Cpu)> TimeAsync(Func<Task> call)
    {
        double cpuStart = ProcessCpuMicroseconds();
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < CallsPerRound; i++) await call();
        double wall = Stopwatch.GetElapsedTime(start).TotalMicroseconds / CallsPerRound;
        return (wall, (ProcessCpuMicroseconds() - cpuStart) / CallsPerRound);
    }

    // CPU time of the whole process (client and in-process service), which, unlike wall time, does not count the
    // time spent waiting for a core that another program holds. Precise on Linux (clock_gettime); elsewhere the
    // coarser TotalProcessorTime.
    private static double ProcessCpuMicroseconds()
    {
        if (OperatingSystem.IsLinux() && clock_gettime(ClockProcessCpuTimeId, out var now) == 0)
            return now.Seconds * 1e6 + now.Nanoseconds / 1e3;
        return Process.GetCurrentProcess().TotalProcessorTime.TotalMicroseconds;
    }

    private const int ClockProcessCpuTimeId = 2;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int clock_gettime(int clockId, out TimeSpec time);

    private static double Median(double[] values) => Percentile(values, 0.5);

    private static double Percentile(double[] values, double p)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        double position = p * (sorted.Length - 1);
        int low = (int)Math.Floor(position);
        int high = (int)Math.Ceiling(position);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }
}
