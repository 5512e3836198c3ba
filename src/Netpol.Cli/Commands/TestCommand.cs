using System.CommandLine;
using Netpol.Analysis.Cni;
using Netpol.Analysis.Testing;
using Netpol.Core;
using Netpol.Core.Diagnostics;
using Netpol.Core.Model;
using Netpol.Core.Profiles;
using Netpol.Manifests.Specs;
using Netpol.Rendering.Json;
using Netpol.Rendering.Junit;
using Netpol.Rendering.Text;

namespace Netpol.Cli.Commands;

/// <summary>
/// <c>netpol test</c>: connectivity unit tests. Each spec lists connections that must be allowed or denied; every
/// (source pod, destination pod) pair is checked as <c>netpol check</c> checks it.
/// Exit 0 when every test passes, 1 when one fails, 2 on bad input (manifests or specs).
/// </summary>
internal static class TestCommand
{
    public static Command Create(CliContext ctx)
    {
        var files = CommonOptions.Files();
        var strict = CommonOptions.Strict();
        var specs = new Argument<string[]>("SPEC")
        {
            Description = "Test spec files (YAML): tests: [{name, from, to, port, protocol, expect: allow|deny}]. See docs/test.md.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = CommonOptions.Output("Output format.", "text", "text", "junit", "json");
        var cni = new Option<string>("--cni")
        {
            Description = "Run the tests as this network plugin enforces policies (default portable: upstream). See docs/cni-profiles.md.",
            DefaultValueFactory = _ => "portable",
            HelpName = "portable|calico|cilium|aws-vpc|antrea|ovn-kubernetes|flannel",
        };
        var command = new Command("test", "Run connectivity tests: every connection a spec lists must be allowed (or denied) as it expects.")
        {
            specs, files, strict, output, cni,
        };
        var cluster = ClusterOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var profile = CniSelection.Parse(parse.GetValue(cni));
            if (profile.All)
            {
                throw new NetpolException("--cni all compares plugins; netpol test runs under one: name a profile (netpol check --cni all compares one connection)");
            }

            if (Prepare(ctx, parse, specs, files, strict, cluster, profile: profile.Profile) is not { } prepared)
            {
                return ExitCodes.BadInput;
            }

            Write(ctx, parse.GetValue(output)!, prepared.Run);
            return prepared.Run.Failed > 0 ? ExitCodes.Negative : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// Reads every spec and the manifests, then resolves and runs the tests on the engine. Returns null after printing
    /// every problem of every file (specs and manifests alike), so that one run reports them all. <paramref name="accept"/>
    /// may refuse the loaded cluster (by throwing) before anything is run, as <c>lab test</c> does.
    /// </summary>
    internal static (Cluster Cluster, TestRun Run)? Prepare(
        CliContext ctx,
        ParseResult parse,
        Argument<string[]> specs,
        Option<string[]> files,
        Option<bool> strict,
        ClusterOptions cluster,
        Action<Cluster>? accept = null,
        CniProfile? profile = null)
    {
        var read = parse.GetValue(specs)!.Select(TestSpecReader.Read).ToList();
        var problems = read.SelectMany(f => f.Diagnostics).ToList();
        var loaded = CommonOptions.Load(ctx, parse.GetValue(files), parse.GetValue(strict), parse, cluster);
        if (loaded is null)
        {
            Report(ctx, problems);
            return null;
        }

        accept?.Invoke(loaded.Cluster);
        var run = TestAnalysis.Run(loaded.Cluster, read.SelectMany(f => f.Tests), profile ?? CniProfiles.Portable);
        problems.AddRange(run.Diagnostics);
        problems.AddRange(TestAnalysis.CheckEndpoints(loaded.Cluster, read.SelectMany(f => f.EndpointsOfBadTests)));
        if (problems.Any(p => p.Severity == Severity.Error))
        {
            Report(ctx, problems);
            return null;
        }

        return (loaded.Cluster, run);
    }

    /// <summary>Writes test results as text, JUnit or JSON.</summary>
    internal static void Write(CliContext ctx, string format, TestRun run)
    {
        switch (format)
        {
            case "junit":
                TestJunitRenderer.Write(run, ctx.Out);
                break;
            case "json":
                TestJsonRenderer.Write(run, ctx.Out);
                break;
            default:
                TestTextRenderer.Write(run, ctx.Out);
                break;
        }
    }

    /// <summary>Prints the spec problems of every file, in file order, then by position, and how many there are.</summary>
    private static void Report(CliContext ctx, List<Diagnostic> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }

        var order = problems.Select(p => p.Location?.File).Distinct().ToList();
        foreach (var p in problems.OrderBy(p => order.IndexOf(p.Location?.File)).ThenBy(p => p.Location?.Line).ThenBy(p => p.Location?.Column))
        {
            ctx.Error.WriteLine(p.ToString());
        }

        var n = problems.Count(p => p.Severity == Severity.Error);
        ctx.Error.WriteLine($"{n} error{(n == 1 ? string.Empty : "s")} in the test specs: nothing was tested");
    }
}
