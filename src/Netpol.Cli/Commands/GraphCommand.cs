using System.CommandLine;
using Netpol.Analysis.Cni;
using Netpol.Analysis.Graph;
using Netpol.Rendering.Dot;
using Netpol.Rendering.Mermaid;
using Netpol.Rendering.Svg;
using Netpol.Rendering.Text;

namespace Netpol.Cli.Commands;

/// <summary><c>netpol graph</c>: who can talk to whom, as a picture: ASCII, Mermaid, Graphviz DOT or SVG.</summary>
internal static class GraphCommand
{
    public static Command Create(CliContext ctx)
    {
        var files = CommonOptions.Files();
        var strict = CommonOptions.Strict();
        var by = new Option<string>("--by") { Description = "A node per workload (owner, else app label, else pod), per pod or per namespace.", DefaultValueFactory = _ => "workload", HelpName = "workload|pod|namespace" };
        by.AcceptOnlyFromAmong("workload", "pod", "namespace");
        var namespaces = new Option<string[]>("--namespace", "-n") { Description = "Only nodes of this namespace (and the external and DNS nodes they reach); repeatable.", HelpName = "NS" };
        var ports = new Option<string[]>("--port", "-p") { Description = "Only flows on this port (80, 53/UDP, or 80,443); repeatable.", HelpName = "PORT" };
        var showDenied = new Option<bool>("--show-denied") { Description = "Also draw the flows people probably expect that policies block (dashed)." };
        var showOpen = new Option<bool>("--show-open") { Description = "Also draw the every-port edges between ends no policy isolates." };
        var width = new Option<int>("--width") { Description = "Columns the ASCII picture may use; wider pictures become an edge list.", DefaultValueFactory = _ => GraphAsciiRenderer.DefaultWidth, HelpName = "COLUMNS" };
        var output = CommonOptions.Output("Output format.", "ascii", "ascii", "mermaid", "dot", "svg");
        var cni = CommonOptions.Cni(all: false);
        cni.Description = "Draw the flows as this network plugin enforces them, marking edges that differ from portable (*). See docs/cni-profiles.md.";
        var command = new Command("graph", "Who can talk to whom, as a picture: nodes in namespace boxes, arrows labelled with ports.")
        {
            files, strict, by, namespaces, ports, showDenied, showOpen, width, output, cni,
        };
        var live = ClusterOptions.AddTo(command, namespaces);
        command.SetAction(parse =>
        {
            var profile = CniSelection.ParseOne(parse.GetValue(cni), "a graph is drawn for one network plugin at a time");

            var loaded = CommonOptions.Load(ctx, parse.GetValue(files), parse.GetValue(strict), parse, live);
            if (loaded is null)
            {
                return ExitCodes.BadInput;
            }

            var options = new GraphOptions
            {
                By = parse.GetValue(by) switch { "pod" => GraphGrouping.Pod, "namespace" => GraphGrouping.Namespace, _ => GraphGrouping.Workload },
                Namespaces = parse.GetValue(namespaces) ?? [],
                Probes = CommonOptions.Probes(parse.GetValue(ports) ?? [], []),
                ShowDenied = parse.GetValue(showDenied),
                ShowOpen = parse.GetValue(showOpen),
                Cni = profile,
            };
            var graph = GraphAnalysis.Run(loaded.Cluster, options);
            switch (parse.GetValue(output))
            {
                case "mermaid":
                    GraphMermaidRenderer.Write(graph, ctx.Out);
                    break;
                case "dot":
                    GraphDotRenderer.Write(graph, ctx.Out);
                    break;
                case "svg":
                    GraphSvgRenderer.Write(graph, ctx.Out);
                    break;
                default:
                    GraphAsciiRenderer.Write(graph, ctx.Out, Math.Max(40, parse.GetValue(width)));
                    break;
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
