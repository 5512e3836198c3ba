using System.CommandLine;
using Netpol.Analysis.Cni;
using Netpol.Analysis.Matrix;
using Netpol.Rendering.Csv;
using Netpol.Rendering.Json;
using Netpol.Rendering.Markdown;
using Netpol.Rendering.Text;

namespace Netpol.Cli.Commands;

/// <summary>
/// <c>netpol matrix</c>: who reaches whom, as a truth table, JSON, CSV, Markdown or summary counts. With
/// <c>--cni NAME</c> the cells are that plugin's, marked where they differ from portable; <c>--cni all</c> prints
/// only the connections on which the profiles disagree.
/// </summary>
internal static class MatrixCommand
{
    public static Command Create(CliContext ctx)
    {
        var files = CommonOptions.Files();
        var strict = CommonOptions.Strict();
        var ports = new Option<string[]>("--port", "-p") { Description = "Port to probe (80, 53/UDP, or 80,443); repeatable. Without: each cell lists the allowed ports.", HelpName = "PORT" };
        var protocols = new Option<string[]>("--protocol") { Description = "Protocol for the probed ports (TCP, UDP, SCTP); repeatable. Default TCP.", HelpName = "PROTO" };
        var namespaces = new Option<string[]>("--namespace", "-n") { Description = "Only pods of this namespace; repeatable.", HelpName = "NS" };
        var by = new Option<string>("--by") { Description = "One row per pod or per workload.", DefaultValueFactory = _ => "pod", HelpName = "pod|workload" };
        by.AcceptOnlyFromAmong("pod", "workload");
        var externals = new Option<string[]>("--external") { Description = "Add an external address or CIDR as an endpoint; repeatable.", HelpName = "IP_OR_CIDR" };
        var engine = new Option<string>("--engine") { Description = "fast (default) or reference (literal, slow).", DefaultValueFactory = _ => "fast", HelpName = "fast|reference" };
        engine.AcceptOnlyFromAmong("fast", "reference");
        var output = CommonOptions.Output("Output format.", "table", "table", "json", "csv", "md", "summary");
        var cni = CommonOptions.Cni();
        var command = new Command("matrix", "Who can reach whom: the connectivity truth table.")
        {
            files, strict, ports, protocols, namespaces, by, externals, engine, output, cni,
        };
        var cluster = ClusterOptions.AddTo(command, namespaces);
        command.SetAction(parse =>
        {
            var profile = CniSelection.Parse(parse.GetValue(cni));
            var loaded = CommonOptions.Load(ctx, parse.GetValue(files), parse.GetValue(strict), parse, cluster);
            if (loaded is null)
            {
                return ExitCodes.BadInput;
            }

            var protocolList = (parse.GetValue(protocols) ?? []).Select(CommonOptions.ParseProtocol).Distinct().ToList();
            var options = new MatrixOptions
            {
                Probes = CommonOptions.Probes(parse.GetValue(ports) ?? [], protocolList),
                Protocols = protocolList,
                Namespaces = parse.GetValue(namespaces) ?? [],
                By = parse.GetValue(by) == "workload" ? Grouping.Workload : Grouping.Pod,
                Externals = parse.GetValue(externals) ?? [],
                Engine = parse.GetValue(engine) == "reference" ? EngineKind.Reference : EngineKind.Fast,
                Cni = profile,
            };
            var format = parse.GetValue(output);
            if (profile.All && format != "summary")
            {
                var compared = CniMatrixAnalysis.Run(loaded.Cluster, options);
                switch (format)
                {
                    case "json":
                        CniMatrixJsonRenderer.Write(compared, ctx.Out);
                        break;
                    case "csv":
                        CniMatrixCsvRenderer.Write(compared, ctx.Out);
                        break;
                    case "md":
                        CniMatrixMarkdownRenderer.Write(compared, ctx.Out);
                        break;
                    default:
                        CniMatrixTextRenderer.Write(compared, ctx.Out);
                        break;
                }

                return ExitCodes.Ok;
            }

            if (format == "summary")
            {
                MatrixTableRenderer.WriteSummary(MatrixAnalysis.Summarize(loaded.Cluster, options), ctx.Out);
                return ExitCodes.Ok;
            }

            var result = MatrixAnalysis.Run(loaded.Cluster, options);
            switch (format)
            {
                case "json":
                    MatrixJsonRenderer.Write(result, ctx.Out);
                    break;
                case "csv":
                    MatrixCsvRenderer.Write(result, ctx.Out);
                    break;
                case "md":
                    MatrixMarkdownRenderer.Write(result, ctx.Out);
                    break;
                default:
                    MatrixTableRenderer.Write(result, ctx.Out);
                    break;
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
