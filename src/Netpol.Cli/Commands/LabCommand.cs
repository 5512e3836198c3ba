using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using Netpol.Analysis.Matrix;
using Netpol.Analysis.Testing;
using Netpol.Core;
using Netpol.Lab.Network;
using Netpol.Lab.Probing;
using Netpol.Lab.Rendering;
using Netpol.Lab.Traffic;
using Netpol.Rendering.Csv;
using Netpol.Rendering.Markdown;

namespace Netpol.Cli.Commands;

/// <summary>
/// <c>netpol lab up|probe|down|run|test</c>: pods as Linux network namespaces behind a node namespace that enforces
/// the compiled nftables rules, and real connection attempts compared with the engine's verdicts. Linux, root.
/// Exit codes: 0 kernel and engine agree (test: every test passes), 1 they disagree (a test fails), 2 bad input or
/// a lab that cannot run here, 130 interrupted (the lab is removed first).
/// </summary>
internal static class LabCommand
{
    private const int Interrupted = 130;

    public static Command Create(CliContext ctx)
    {
        var command = new Command("lab", "Prove verdicts on real kernel traffic: pods as network namespaces, policies as nftables rules (Linux, root).")
        {
            Up(ctx), Probe(ctx), Down(ctx), Run(ctx), Test(ctx), Serve(ctx),
        };
        return command;
    }

    /// <summary>The options <c>up</c>, <c>probe</c> and <c>run</c> share: the input and matrix's selection.</summary>
    private sealed class Selection
    {
        public Option<string[]> Files { get; } = CommonOptions.Files();

        public Option<bool> Strict { get; } = CommonOptions.Strict();

        public Option<string[]> Ports { get; } = new("--port", "-p") { Description = "Port to probe (80, 53/UDP, or 80,443); repeatable. Default: every port the input mentions.", HelpName = "PORT" };

        public Option<string[]> Protocols { get; } = new("--protocol") { Description = "Protocol for the probed ports (TCP, UDP, SCTP); repeatable. Default TCP.", HelpName = "PROTO" };

        public Option<string[]> Namespaces { get; } = new("--namespace", "-n") { Description = "Only probe pods of this namespace; repeatable.", HelpName = "NS" };

        public Option<string> By { get; } = ByOption();

        public Option<string[]> Externals { get; } = new("--external") { Description = "An external peer (address or CIDR, its first address): it becomes a host of the lab; repeatable.", HelpName = "IP_OR_CIDR" };

        public Option<int> Timeout { get; } = new("--timeout") { Description = "Milliseconds to wait for an answer before a probe counts as denied.", DefaultValueFactory = _ => 1000, HelpName = "MS" };

        public void AddTo(Command command, bool withTimeout)
        {
            command.Options.Add(Files);
            command.Options.Add(Strict);
            command.Options.Add(Ports);
            command.Options.Add(Protocols);
            command.Options.Add(Namespaces);
            command.Options.Add(By);
            command.Options.Add(Externals);
            if (withTimeout)
            {
                command.Options.Add(Timeout);
            }

            Live = ClusterOptions.AddTo(command, Namespaces);
        }

        /// <summary>The live-cluster options (used when no -f is given).</summary>
        public ClusterOptions? Live { get; private set; }

        /// <summary>Loads the input and plans the lab; null after printing the load errors.</summary>
        public (LabPlan Plan, MatrixOptions Options)? Plan(CliContext ctx, ParseResult parse)
        {
            var loaded = CommonOptions.Load(ctx, parse.GetValue(Files), parse.GetValue(Strict), parse, Live!);
            if (loaded is null)
            {
                return null;
            }

            var cluster = loaded.Cluster;
            var protocols = (parse.GetValue(Protocols) ?? []).Select(CommonOptions.ParseProtocol).Distinct().ToList();
            var probes = CommonOptions.Probes(parse.GetValue(Ports) ?? [], protocols);
            if (probes.Count == 0)
            {
                probes = [.. LabProbes.Default(cluster).Where(p => protocols.Count == 0 || protocols.Contains(p.Protocol))];
            }

            var externals = parse.GetValue(Externals) ?? [];
            var options = new MatrixOptions
            {
                Probes = probes,
                Protocols = protocols,
                Namespaces = parse.GetValue(Namespaces) ?? [],
                By = parse.GetValue(By) == "workload" ? Grouping.Workload : Grouping.Pod,
                Externals = externals,
            };
            var addresses = externals.Select(MatrixAnalysis.ParseExternal).ToList();
            foreach (var (text, address) in externals.Zip(addresses))
            {
                CheckExternal(text, address);
            }

            return (LabPlan.Create(cluster, addresses, probes), options);
        }

        public TimeSpan TimeoutOf(ParseResult parse)
        {
            var ms = parse.GetValue(Timeout);
            if (ms is < 10 or > 60000)
            {
                throw new NetpolException($"--timeout {ms}: give milliseconds from 10 to 60000");
            }

            return TimeSpan.FromMilliseconds(ms);
        }

        private static Option<string> ByOption()
        {
            var by = new Option<string>("--by") { Description = "One row per pod or per workload.", DefaultValueFactory = _ => "pod", HelpName = "pod|workload" };
            by.AcceptOnlyFromAmong("pod", "workload");
            return by;
        }
    }

    private static Command Up(CliContext ctx)
    {
        var selection = new Selection();
        var command = new Command("up", "Create the lab: a network namespace per pod and external peer, the rules, and listeners on every declared port and probe.");
        selection.AddTo(command, withTimeout: false);
        command.SetAction(parse =>
        {
            Require();
            if (selection.Plan(ctx, parse) is not { } planned)
            {
                return ExitCodes.BadInput;
            }

            var plan = planned.Plan;
            using var interrupt = new Interrupt();
            try
            {
                LabState.Clear();
                LabNetwork.Up(plan);
                LabState.SaveHosts(plan.Hosts);
                StartListeners();
                LabState.SaveFingerprint(plan.Fingerprint);
                interrupt.Token.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException)
            {
                LabState.Clear();
                LabNetwork.Down();
                ctx.Error.WriteLine("netpol: interrupted; the lab was removed");
                return Interrupted;
            }
            catch
            {
                LabState.Clear();
                LabNetwork.Down();
                throw;
            }

            var listeners = plan.Hosts.Sum(h => h.Listen.Count);
            ctx.Out.WriteLine($"lab up: {plan.Hosts.Count} hosts ({string.Join(", ", plan.Hosts.Take(3).Select(h => $"{h.Name} in {h.Netns}"))}{(plan.Hosts.Count > 3 ? ", ..." : string.Empty)}), {listeners} listening ports, {plan.Rules.ChainCount} nft chains in {LabPlan.NodeNetns}");
            ctx.Out.WriteLine($"inspect: ip netns exec {LabPlan.NodeNetns} nft list table inet netpol");
            ctx.Out.WriteLine("probe:   netpol lab probe (same -f, --port, --protocol and --external); remove: netpol lab down");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Probe(CliContext ctx)
    {
        var selection = new Selection();
        var output = Output();
        var command = new Command("probe", "Probe the lab that is up: the observed matrix, compared with the engine's verdicts.") { output };
        selection.AddTo(command, withTimeout: true);
        command.SetAction(async (parse, cancel) =>
        {
            Require();
            if (selection.Plan(ctx, parse) is not { } planned)
            {
                return ExitCodes.BadInput;
            }

            if (LabState.Fingerprint() != planned.Plan.Fingerprint || LabNetwork.Existing().Count == 0)
            {
                throw new NetpolException("no lab is up for this input: run 'netpol lab up' with the same -f, --port, --protocol and --external first (or use 'netpol lab run')");
            }

            using var interrupt = new Interrupt(cancel);
            try
            {
                var result = await LabProbeAnalysis.RunAsync(planned.Plan, planned.Options, selection.TimeoutOf(parse), interrupt.Token).ConfigureAwait(false);
                return Print(ctx, parse.GetValue(output)!, result);
            }
            catch (OperationCanceledException) when (interrupt.Token.IsCancellationRequested)
            {
                ctx.Error.WriteLine("netpol: interrupted");
                return Interrupted;
            }
        });
        return command;
    }

    private static Command Down(CliContext ctx)
    {
        var command = new Command("down", "Remove everything the lab created: its namespaces, their links and rules, and the listener process.");
        command.SetAction(_ =>
        {
            Require();
            LabState.Clear();
            var removed = LabNetwork.Down();
            ctx.Out.WriteLine(removed == 0 ? "lab down: nothing to remove" : $"lab down: removed {removed} network namespaces");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Run(CliContext ctx)
    {
        var selection = new Selection();
        var output = Output();
        var command = new Command("run", "up, probe, down: exit 1 when the kernel and the engine disagree on any probe.") { output };
        selection.AddTo(command, withTimeout: true);
        command.SetAction(async (parse, cancel) =>
        {
            Require();
            if (selection.Plan(ctx, parse) is not { } planned)
            {
                return ExitCodes.BadInput;
            }

            var timeout = selection.TimeoutOf(parse);
            using var interrupt = new Interrupt(cancel);
            try
            {
                LabState.Clear();
                var result = await LabSession.RunAsync(planned.Plan, planned.Options, timeout, interrupt.Token).ConfigureAwait(false);
                return Print(ctx, parse.GetValue(output)!, result);
            }
            catch (OperationCanceledException) when (interrupt.Token.IsCancellationRequested)
            {
                ctx.Error.WriteLine("netpol: interrupted; the lab was removed");
                return Interrupted;
            }
        });
        return command;
    }

    private static Command Test(CliContext ctx)
    {
        var files = CommonOptions.Files();
        var strict = CommonOptions.Strict();
        var specs = new Argument<string[]>("SPEC") { Description = "Test spec files, as for 'netpol test' (docs/test.md).", Arity = ArgumentArity.OneOrMore };
        var output = CommonOptions.Output("Output format.", "text", "text", "junit", "json");
        var timeout = new Option<int>("--timeout") { Description = "Milliseconds to wait for an answer before a probe counts as denied.", DefaultValueFactory = _ => 1000, HelpName = "MS" };
        var command = new Command("test", "Run 'netpol test' specs against the kernel: every pair is a real connection attempt.")
        {
            specs, files, strict, output, timeout,
        };
        var live = ClusterOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            Require();
            if (TestCommand.Prepare(ctx, parse, specs, files, strict, live) is not { } prepared)
            {
                return ExitCodes.BadInput;
            }

            var (cluster, run) = prepared;
            using var interrupt = new Interrupt(cancel);
            TestRun kernel;
            try
            {
                LabState.Clear();
                kernel = await LabSession.TestAsync(cluster, run, TimeSpan.FromMilliseconds(Math.Clamp(parse.GetValue(timeout), 10, 60000)), interrupt.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (interrupt.Token.IsCancellationRequested)
            {
                ctx.Error.WriteLine("netpol: interrupted; the lab was removed");
                return Interrupted;
            }

            TestCommand.Write(ctx, parse.GetValue(output)!, kernel);
            return kernel.Failed > 0 ? ExitCodes.Negative : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The listener process <c>lab up</c> leaves running (hidden): it serves until it is killed.</summary>
    private static Command Serve(CliContext ctx)
    {
        var command = new Command("serve", "Serve the listeners of the lab that is up (started by 'lab up').") { Hidden = true };
        command.SetAction(async (_, cancel) =>
        {
            try
            {
                using var listeners = LabListeners.Start(LabState.LoadHosts());
                LabState.SaveListener(Environment.ProcessId);
                await File.WriteAllTextAsync(LabState.ReadyFile, $"{listeners.Count}\n", cancel).ConfigureAwait(false);
                using var interrupt = new Interrupt(cancel);
                await Task.Delay(Timeout.Infinite, interrupt.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped by lab down.
            }
            catch (Exception ex)
            {
                await File.WriteAllTextAsync(LabState.LogFile, ex.ToString(), CancellationToken.None).ConfigureAwait(false);
                ctx.Error.WriteLine($"netpol: {ex.Message}");
                return ExitCodes.BadInput;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<string> Output() =>
        CommonOptions.Output("Output format (as netpol matrix; the comparison goes to standard error for csv and md).", "table", "table", "json", "csv", "md");

    private static int Print(CliContext ctx, string format, LabProbeResult result)
    {
        switch (format)
        {
            case "json":
                LabJsonRenderer.Write(result, ctx.Out);
                break;
            case "csv":
                MatrixCsvRenderer.Write(result.Observed, ctx.Out);
                LabTextRenderer.WriteComparison(result, ctx.Error);
                break;
            case "md":
                MatrixMarkdownRenderer.Write(result.Observed, ctx.Out);
                LabTextRenderer.WriteComparison(result, ctx.Error);
                break;
            default:
                LabTextRenderer.Write(result, ctx.Out);
                break;
        }

        return result.Agree ? ExitCodes.Ok : ExitCodes.Negative;
    }

    /// <summary>Starts <c>netpol lab serve</c> in a session of its own and waits until its listeners are open.</summary>
    private static void StartListeners()
    {
        var exe = Environment.ProcessPath ?? throw new NetpolException("cannot find netpol's own executable to start the listeners");
        var info = new ProcessStartInfo(LabToolsPath("setsid"))
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(exe);
        if (Path.GetFileNameWithoutExtension(exe) == "dotnet")
        {
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "netpol.dll"));
        }

        info.ArgumentList.Add("lab");
        info.ArgumentList.Add("serve");
        using (var process = Process.Start(info) ?? throw new NetpolException("cannot start the lab's listener process"))
        {
            process.StandardInput.Close();
        }

        var clock = Stopwatch.StartNew();
        while (!File.Exists(LabState.ReadyFile))
        {
            if (File.Exists(LabState.LogFile))
            {
                throw new NetpolException($"the listener process failed: {File.ReadAllLines(LabState.LogFile).FirstOrDefault()}");
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new NetpolException("the listener process did not start within 30 s");
            }

            Thread.Sleep(20);
        }
    }

    private static readonly string[] BinFolders = ["/usr/bin", "/bin", "/usr/sbin", "/sbin"];

    private static string LabToolsPath(string tool) =>
        BinFolders.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists)
        ?? throw new NetpolException($"the lab needs '{tool}' (util-linux) to start its listener process");

    private static void Require()
    {
        if (Netpol.Lab.LabEnvironment.Unavailable() is { } why)
        {
            throw new NetpolException(why);
        }
    }

    private static void CheckExternal(string text, IPAddress address)
    {
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast)
            || (address.GetAddressBytes() is var b && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && b[0] >= 224)
            || address.IsIPv6Multicast || address.IsIPv6LinkLocal)
        {
            throw new NetpolException($"--external {text}: {address} cannot be a host in the lab; give a unicast address (for a CIDR, one inside it)");
        }
    }

    /// <summary>Turns Ctrl-C and SIGTERM into cancellation, so that the lab is removed before the process ends.</summary>
    private sealed class Interrupt : IDisposable
    {
        private readonly CancellationTokenSource _source;
        private readonly PosixSignalRegistration[] _signals;

        public Interrupt(CancellationToken outer = default)
        {
            _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
            _signals =
            [
                PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
                PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
            ];
        }

        public CancellationToken Token => _source.Token;

        public void Dispose()
        {
            foreach (var s in _signals)
            {
                s.Dispose();
            }

            _source.Dispose();
        }

        private void Handle(PosixSignalContext context)
        {
            context.Cancel = true;
            _source.Cancel();
        }
    }
}
