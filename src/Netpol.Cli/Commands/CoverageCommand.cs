using System.CommandLine;
using Netpol.Analysis.Cni;
using Netpol.Analysis.Coverage;
using Netpol.Analysis.Matrix;
using Netpol.Rendering.Json;
using Netpol.Rendering.Markdown;
using Netpol.Rendering.Text;

namespace Netpol.Cli.Commands;

/// <summary>
/// <c>netpol coverage</c>: which pods policies isolate, per direction, namespace and pod. Exit 0; 1 when a
/// <c>--min-ingress</c>/<c>--min-egress</c> threshold is not met; 2 bad input.
/// </summary>
internal static class CoverageCommand
{
    public static Command Create(CliContext ctx)
    {
        var files = CommonOptions.Files();
        var strict = CommonOptions.Strict();
        var namespaces = new Option<string[]>("--namespace", "-n") { Description = "Only this namespace; repeatable. Totals and thresholds then count only these.", HelpName = "NS" };
        var by = new Option<string>("--by") { Description = "List pods, or workloads (pods of one owner together).", DefaultValueFactory = _ => "pod", HelpName = "pod|workload" };
        by.AcceptOnlyFromAmong("pod", "workload");
        var minIngress = new Option<double?>("--min-ingress") { Description = "Exit 1 when fewer than PCT percent of the pods are isolated for ingress (0-100, decimals allowed).", HelpName = "PCT" };
        var minEgress = new Option<double?>("--min-egress") { Description = "Exit 1 when fewer than PCT percent of the pods are isolated for egress (0-100, decimals allowed).", HelpName = "PCT" };
        var output = CommonOptions.Output("Output format.", "table", "table", "json", "md");
        var cni = CommonOptions.Cni(all: false);
        cni.Description = "Cover the cluster as this network plugin enforces it (the cluster policies it implements), marking pods whose protection differs from portable. See docs/cni-profiles.md.";
        var command = new Command("coverage", "Which pods do policies isolate, per direction, namespace and pod; which namespaces lack a default deny?")
        {
            files, strict, namespaces, by, minIngress, minEgress, output, cni,
        };
        var cluster = ClusterOptions.AddTo(command, namespaces);
        command.SetAction(parse =>
        {
            var profile = CniSelection.ParseOne(parse.GetValue(cni), "coverage answers for one network plugin at a time");

            var loaded = CommonOptions.Load(ctx, parse.GetValue(files), parse.GetValue(strict), parse, cluster);
            if (loaded is null)
            {
                return ExitCodes.BadInput;
            }

            var options = new CoverageOptions
            {
                By = parse.GetValue(by) == "workload" ? Grouping.Workload : Grouping.Pod,
                Namespaces = parse.GetValue(namespaces) ?? [],
                MinIngress = parse.GetValue(minIngress),
                MinEgress = parse.GetValue(minEgress),
                Cni = profile,
            };
            var result = CoverageAnalysis.Run(loaded.Cluster, options);
            switch (parse.GetValue(output))
            {
                case "json":
                    CoverageJsonRenderer.Write(result, ctx.Out);
                    break;
                case "md":
                    CoverageMarkdownRenderer.Write(result, ctx.Out);
                    break;
                default:
                    CoverageTextRenderer.Write(result, ctx.Out);
                    break;
            }

            CoverageTextRenderer.WriteThresholdFailures(result, ctx.Error);
            return result.Passed ? ExitCodes.Ok : ExitCodes.Negative;
        });
        return command;
    }
}
