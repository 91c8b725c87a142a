using System.Diagnostics;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using BrokerAdapters.Benchmarks.Throughput;

namespace BrokerAdapters.Benchmarks;

/// <summary>
/// <c>smoke</c>: proves, in well under a minute, that every BenchmarkDotNet class still runs: each class's global
/// setup (which checks every benchmark's answer) for each of its parameter values, each benchmark method once, the
/// global cleanup; then a short loopback throughput run. No timing is judged. Exit code 1 on any failure.
/// <c>--filter TEXT</c> keeps the classes whose name contains TEXT; <c>--measure N</c> also runs each method N more
/// times (<c>--method NAME</c>: only that one; <c>--allocations</c>: with the allocated types sampled) and prints its mean time, CPU time, allocation and first-chance
/// exceptions per call: a rough look while iterating or under a profiler, not BenchmarkDotNet's figures.
/// </summary>
internal static class SmokeCommand
{
    public const string Command = "smoke";

    public static async Task<int> RunAsync(Arguments arguments)
    {
        var filter = arguments.Get("filter");
        var measure = arguments.Int("measure", 0);
        var only = arguments.Get("method");
        var allocations = arguments.Has("allocations");
        var classes = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
            .Where(t => filter is null || t.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToArray();
        var failures = 0;
        foreach (var type in classes)
        {
            foreach (var parameters in ParameterSets(type))
            {
                var started = Stopwatch.GetTimestamp();
                var label = type.Name + (parameters.Count == 0 ? string.Empty : " (" + string.Join(", ", parameters.Select(p => $"{p.Property.Name}={p.Value}")) + ")");
                try
                {
                    var methods = await RunClassAsync(type, parameters, measure, only, allocations);
                    Console.WriteLine($"smoke: {label}: {methods} benchmarks ran in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
                }
                catch (Exception ex)
                {
                    failures++;
                    var cause = ex is TargetInvocationException { InnerException: { } inner } ? inner : ex;
                    await Console.Error.WriteLineAsync($"smoke: {label}: FAILED: {cause}");
                }
            }
        }

        if (filter is null || "throughput".Contains(filter, StringComparison.OrdinalIgnoreCase))
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await ThroughputCommand.RunAsync(new ThroughputSettings { Seconds = 0.3, Concurrency = [4], Rounds = 1, Quiet = true });
                Console.WriteLine($"smoke: throughput: ran in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
            }
            catch (Exception ex)
            {
                failures++;
                await Console.Error.WriteLineAsync($"smoke: throughput: FAILED: {ex}");
            }
        }

        Console.WriteLine(failures == 0 ? $"smoke: {classes.Length} benchmark classes and the throughput run passed" : $"smoke: {failures} FAILED");
        return failures == 0 ? 0 : 1;
    }

    private static async Task<int> RunClassAsync(Type type, IReadOnlyList<(PropertyInfo Property, object? Value)> parameters, int measure, string? only, bool allocations)
    {
        var instance = Activator.CreateInstance(type)!;
        foreach (var (property, value) in parameters)
        {
            property.SetValue(instance, value);
        }

        await InvokeAsync(instance, type.GetMethods().Where(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null));
        try
        {
            var benchmarks = type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null).ToArray();
            foreach (var method in benchmarks)
            {
                var result = await InvokeAsync(instance, [method]);
                if (method.ReturnType != typeof(void) && method.ReturnType != typeof(Task) && result is null)
                {
                    throw new BenchmarkFailedException($"{type.Name}.{method.Name} returned nothing.");
                }

                if (measure > 0 && (only is null || method.Name == only))
                {
                    var exceptions = 0;
                    void Count(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e) => Interlocked.Increment(ref exceptions);
                    AppDomain.CurrentDomain.FirstChanceException += Count;
                    for (var i = 0; i < measure / 2; i++)
                    {
                        await InvokeAsync(instance, [method]);
                    }

                    using var sampler = allocations ? new AllocationSampler() : null;
                    sampler?.Start();
                    var allocated = GC.GetTotalAllocatedBytes(precise: true);
                    var cpu = ThreadCpu.Now();
                    var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
                    var started = Stopwatch.GetTimestamp();
                    for (var i = 0; i < measure; i++)
                    {
                        await InvokeAsync(instance, [method]);
                    }

                    var elapsed = Stopwatch.GetElapsedTime(started);
                    var cpuTime = ThreadCpu.Now() - cpu;
                    var jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - compiled;
                    var bytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)measure;
                    sampler?.Stop();
                    AppDomain.CurrentDomain.FirstChanceException -= Count;
                    Console.WriteLine($"  {method.Name,-40} {elapsed.TotalMicroseconds / measure,10:F1} us {cpuTime.TotalMicroseconds / measure,10:F1} us thread CPU {bytes / 1024,10:F2} KB {exceptions / (double)measure,6:F2} exceptions {jitted / (double)measure,6:F2} methods compiled");
                    foreach (var (name, share) in sampler?.Top(25) ?? [])
                    {
                        Console.WriteLine($"      {share,6:P1}  {bytes * share,9:F0} B  {name}");
                    }
                }
            }

            return benchmarks.Length;
        }
        finally
        {
            await InvokeAsync(instance, type.GetMethods().Where(m => m.GetCustomAttribute<GlobalCleanupAttribute>() is not null));
        }
    }

    /// <summary>Invokes the methods in turn, awaiting those that return a task; the last one's result.</summary>
    private static async Task<object?> InvokeAsync(object instance, IEnumerable<MethodInfo> methods)
    {
        object? result = null;
        foreach (var method in methods)
        {
            result = method.Invoke(instance, null);
            if (result is Task task)
            {
                await task;
                result = method.ReturnType.IsGenericType ? method.ReturnType.GetProperty("Result")!.GetValue(task) : null;
            }
        }

        return result;
    }

    /// <summary>Every combination of the class's <c>[Params]</c> values (one empty set when it has none).</summary>
    private static List<List<(PropertyInfo Property, object? Value)>> ParameterSets(Type type)
    {
        var sets = new List<List<(PropertyInfo, object?)>> { new() };
        foreach (var property in type.GetProperties())
        {
            if (property.GetCustomAttribute<ParamsAttribute>() is { } values)
            {
                sets = [.. sets.SelectMany(set => values.Values.Select(v => new List<(PropertyInfo, object?)>(set) { (property, v) }))];
            }
        }

        return sets;
    }
}

/// <summary>The CPU time of the calling thread (Linux), which other processes on the machine do not inflate.</summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    public static TimeSpan Now() =>
        OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTime, out var now) == 0
            ? TimeSpan.FromTicks((now.Seconds * TimeSpan.TicksPerSecond) + (now.Nanoseconds / 100))
            : Environment.CpuUsage.TotalTime;

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec value);

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
