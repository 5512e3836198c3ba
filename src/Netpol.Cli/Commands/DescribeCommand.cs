using System.CommandLine;
using Netpol.Analysis.Describe;
using Netpol.Core.Model;
using Netpol.Rendering.Json;
using Netpol.Rendering.Text;

namespace Netpol.Cli.Commands;

/// <summary>
/// <c>netpol describe pod|policy|namespace NAME</c>: the two-way selection index (what selects a pod and what it
/// reaches; what a policy selects and admits; what matches a namespace). Exit 0, or 2 for bad input or an unknown name.
/// </summary>
internal static class DescribeCommand
{
    public static Command Create(CliContext ctx)
    {
        var command = new Command("describe", "Describe a pod, policy or namespace: what selects what, who reaches whom.")
        {
            Subcommand(ctx, "pod", "A pod: its labels, the policies selecting it per direction, the pods it reaches and that reach it (with ports), and the addresses its policies admit.", "NS/POD, POD (namespace default) or NS/deploy/NAME", ["po"], DescribeAnalysis.Pod, DescribeTextRenderer.Write, DescribeJsonRenderer.Write),
            Subcommand(ctx, "policy", "A NetworkPolicy: the pods it selects, and for each rule the pods, ipBlocks and ports it admits; rules that admit nothing are called out.", "NS/NAME or NAME (namespace default)", ["netpol", "networkpolicy"], DescribeAnalysis.Policy, DescribeTextRenderer.Write, DescribeJsonRenderer.Write),
            Subcommand(ctx, "clusterpolicy", "A cluster network policy (ClusterNetworkPolicy, or the legacy AdminNetworkPolicy and BaselineAdminNetworkPolicy): tier, priority, the namespaces and pods its subject selects, and its rules in order with what their peers match.", "NAME, cnp/NAME, anp/NAME or banp/default", ["cnp", "anp", "banp", "clusternetworkpolicy", "adminnetworkpolicy", "baselineadminnetworkpolicy"], DescribeAnalysis.ClusterPolicy, DescribeTextRenderer.Write, DescribeJsonRenderer.Write),
            Subcommand(ctx, "namespace", "A namespace: its labels, policies and pod count, and every peer whose namespaceSelector matches it.", "NAME", ["ns"], DescribeAnalysis.Namespace, DescribeTextRenderer.Write, DescribeJsonRenderer.Write),
        };
        return command;
    }

    private static Command Subcommand<T>(
        CliContext ctx,
        string name,
        string description,
        string nameHelp,
        string[] aliases,
        Func<Cluster, string, T> analyse,
        Action<T, TextWriter> text,
        Action<T, TextWriter> json)
    {
        var files = CommonOptions.Files();
        var strict = CommonOptions.Strict();
        var target = new Argument<string>("name") { Description = nameHelp };
        var output = CommonOptions.Output("Output format.", "text", "text", "json");
        var command = new Command(name, description) { target, files, strict, output };
        foreach (var alias in aliases)
        {
            command.Aliases.Add(alias);
        }

        var cluster = ClusterOptions.AddTo(command);
        command.SetAction(parse =>
        {
            // With a cluster, the namespace the name starts with (or names; a bare pod or policy name is in
            // "default") is read as well as -n.
            var named = parse.GetValue(target)!;
            var ns = name is "namespace" or "clusterpolicy" ? named : named.Contains('/', StringComparison.Ordinal) ? named[..named.IndexOf('/', StringComparison.Ordinal)] : "default";
            var loaded = CommonOptions.Load(ctx, parse.GetValue(files), parse.GetValue(strict), parse, cluster, [ns]);
            if (loaded is null)
            {
                return ExitCodes.BadInput;
            }

            var result = analyse(loaded.Cluster, parse.GetValue(target)!);
            (parse.GetValue(output) == "json" ? json : text)(result, ctx.Out);
            return ExitCodes.Ok;
        });
        return command;
    }
}
