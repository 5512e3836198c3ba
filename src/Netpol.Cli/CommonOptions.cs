using System.CommandLine;
using System.Runtime.ExceptionServices;
using Netpol.Core;
using Netpol.Core.Diagnostics;
using Netpol.Core.Engine;
using Netpol.Core.Model;
using Netpol.LiveCluster.Reading;
using Netpol.LiveCluster.Snapshots;
using Netpol.Manifests.Loading;

namespace Netpol.Cli;

/// <summary>Options several commands share, and the load step they all start with.</summary>
internal static class CommonOptions
{
    public static Option<string[]> Files() => new("--filename", "-f", "--file")
    {
        Description = "Manifests: a file, a directory (recursive .yaml/.yml/.json), '-' for stdin, example:NAME, or git:REV:PATH (a file or directory at a git revision). Repeatable. Without -f: the live cluster (--kubeconfig).",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.OneOrMore,
        Required = false,
        HelpName = "PATH",
    };

    /// <summary><c>--cni NAME</c>: the network plugin profile to answer for (docs/cni-profiles.md); read with <see cref="Netpol.Analysis.Cni.CniSelection.Parse"/>.</summary>
    public static Option<string> Cni(bool all = true) => new("--cni")
    {
        Description = all
            ? "Answer as this network plugin enforces policies, flagging verdicts that differ from portable (upstream); 'all' compares every profile. See docs/cni-profiles.md."
            : "Only report what differs on this network plugin (default: every profile). See docs/cni-profiles.md.",
        DefaultValueFactory = _ => "portable",
        HelpName = all ? "portable|calico|cilium|aws-vpc|antrea|ovn-kubernetes|flannel|all" : "portable|calico|cilium|aws-vpc|antrea|ovn-kubernetes|flannel",
    };

    public static Option<bool> Strict() => new("--strict")
    {
        Description = "Treat kinds netpol does not read as errors instead of notes.",
    };

    public static Option<string> Output(string description, string defaultValue, params string[] allowed)
    {
        var o = new Option<string>("--output", "-o")
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            HelpName = string.Join("|", allowed),
        };
        o.AcceptOnlyFromAmong(allowed);
        return o;
    }

    /// <summary>
    /// Loads and validates; prints every diagnostic to stderr. Returns null (after printing) when any is an error:
    /// no analysis output may be printed from input that is partly invalid.
    /// </summary>
    public static LoadResult? Load(CliContext ctx, string[] files, bool strict) => LoadAll(ctx, [files], strict)?[0];

    /// <summary>
    /// Loads the manifests given with <c>-f</c>, or without <c>-f</c> reads the live cluster that the cluster options
    /// (or kubectl's defaults) name; either way every diagnostic is printed and null returned when any is an error.
    /// </summary>
    public static LoadResult? Load(CliContext ctx, string[]? files, bool strict, ParseResult parse, ClusterOptions cluster, IEnumerable<string>? extraNamespaces = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (files is { Length: > 0 })
        {
            if (cluster.AnyGiven(parse))
            {
                throw new NetpolException("-f reads manifests, --kubeconfig/--context/-A/--request-timeout read a live cluster: give one or the other");
            }

            return Load(ctx, files, strict);
        }

        var snapshot = ReadCluster(ctx, cluster.Source(parse, ctx, extraNamespaces));
        var result = SnapshotLoader.Load(snapshot, new LoadOptions { Strict = strict });
        return Report(ctx, [result]) ? result : null;
    }

    /// <summary>Reads a live cluster, with progress on standard error.</summary>
    public static ClusterSnapshot ReadCluster(CliContext ctx, ClusterSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var progress = new ClusterProgress(ctx.Error, ctx.ErrorIsTerminal);
        using var connection = ClusterConnection.Open(options);
        try
        {
            var snapshot = Task.Run(() => ClusterReader.ReadAsync(connection, options with { Progress = progress.Report })).GetAwaiter().GetResult();
            progress.Done(snapshot.Context, snapshot.Objects.Count);
            return snapshot;
        }
        catch (NetpolException)
        {
            progress.Done(connection.Context, null);
            throw;
        }
    }

    /// <summary>
    /// Loads several independent sets of manifests (the sides of a diff) side by side, prints every diagnostic of
    /// every set (in set order) and returns null when any is an error, so that one run reports all problems at once.
    /// </summary>
    public static IReadOnlyList<LoadResult>? LoadAll(CliContext ctx, IReadOnlyList<string[]> sets, bool strict)
    {
        if (sets.Count(files => files.Contains("-")) > 1)
        {
            throw new NetpolException("'-' (standard input) can be read only once: give it to one side, files to the other");
        }

        var options = new LoadOptions { Strict = strict, Stdin = ctx.Stdin };
        var results = new LoadResult[sets.Count];
        if (sets.Count == 1)
        {
            results[0] = ManifestLoader.Load(sets[0], options);
        }
        else
        {
            try
            {
                Parallel.For(0, sets.Count, i => results[i] = ManifestLoader.Load(sets[i], options));
            }
            catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
            {
                ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
            }
        }

        return Report(ctx, results) ? results : null;
    }

    /// <summary>Prints every diagnostic of every result, in order; false (after a count line) when any is an error.</summary>
    private static bool Report(CliContext ctx, IReadOnlyList<LoadResult> results)
    {
        var errors = 0;
        foreach (var result in results)
        {
            foreach (var d in result.Diagnostics.Where(d => d.Severity != Severity.Info || !d.Code.Equals("rules-ignored", StringComparison.Ordinal)))
            {
                ctx.Error.WriteLine(d.ToString());
            }

            errors += result.ErrorCount;
        }

        if (errors > 0)
        {
            ctx.Error.WriteLine($"{errors} error{(errors == 1 ? string.Empty : "s")}: nothing was analysed");
            return false;
        }

        return true;
    }

    /// <summary>Reads <c>80</c>, <c>80/TCP</c>, <c>53/udp</c>.</summary>
    public static (int Port, Protocol? Protocol) ParsePort(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var number = slash < 0 ? text : text[..slash];
        Protocol? protocol = slash < 0 ? null : ParseProtocol(text[(slash + 1)..]);
        if (!int.TryParse(number, out var port) || port < 1 || port > 65535)
        {
            throw new NetpolException($"--port {text}: a port is a number from 1 to 65535, optionally with /TCP, /UDP or /SCTP");
        }

        return (port, protocol);
    }

    public static Protocol ParseProtocol(string text) => text.ToUpperInvariant() switch
    {
        "TCP" => Protocol.TCP,
        "UDP" => Protocol.UDP,
        "SCTP" => Protocol.SCTP,
        _ => throw new NetpolException($"unknown protocol \"{text}\": use TCP, UDP or SCTP"),
    };

    /// <summary>Every (port, protocol) to probe: ports with a protocol keep it; others take each --protocol (TCP by default).</summary>
    public static List<Probe> Probes(IEnumerable<string> ports, IReadOnlyList<Protocol> protocols)
    {
        var result = new List<Probe>();
        foreach (var text in ports.SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var (port, protocol) = ParsePort(text);
            if (protocol is { } p)
            {
                result.Add(new Probe(port, p));
                continue;
            }

            foreach (var proto in protocols.Count == 0 ? [Protocol.TCP] : protocols)
            {
                result.Add(new Probe(port, proto));
            }
        }

        return result.Distinct().ToList();
    }

    /// <summary><c>--flows</c>: flow logs, a Hubble export or CSV; shared by audit and generate.</summary>
    public static Option<string[]> Flows() => new("--flows")
    {
        Description = "Observed traffic: a Hubble export (hubble observe -o json) or CSV src,dst,port,protocol[,count]; '-' for stdin. Repeatable.",
        AllowMultipleArgumentsPerToken = true,
        Arity = ArgumentArity.OneOrMore,
        Required = true,
        HelpName = "FILE",
    };

    /// <summary>Standard input can feed one source only: the manifests or one flow log.</summary>
    public static void StdinOnce(IEnumerable<string> manifests, IEnumerable<string> flows)
    {
        if (flows.Count(f => f == "-") + manifests.Count(f => f == "-") > 1)
        {
            throw new NetpolException("standard input ('-') can be read once: give either the manifests or one flow log as '-'");
        }
    }

    /// <summary>Prints the flow logs' errors (FILE:LINE:COL); true when there were any, and nothing may be analysed.</summary>
    public static bool FlowErrors(CliContext ctx, Netpol.Manifests.Flows.FlowReader reader, string what)
    {
        if (!reader.HasErrors)
        {
            return false;
        }

        foreach (var d in reader.Diagnostics)
        {
            ctx.Error.WriteLine(d.ToString());
        }

        var n = reader.ErrorCount;
        if (n > reader.Diagnostics.Count)
        {
            ctx.Error.WriteLine($"... and {n - reader.Diagnostics.Count} more");
        }

        ctx.Error.WriteLine($"{n} error{(n == 1 ? string.Empty : "s")} in the flow logs: nothing was {what}");
        return true;
    }
}
