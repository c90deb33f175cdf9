using BenchmarkDotNet.Running;
using IsatapPlatform.Benchmarks;

if (args is ["--client-overhead", ..])
{
    await ClientOverheadProbe.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
