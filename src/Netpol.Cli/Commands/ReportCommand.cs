using System.CommandLine;
using System.Text;
using Netpol.Analysis.Cni;
using Netpol.Analysis.Report;
using Netpol.Rendering.Html;

namespace Netpol.Cli.Commands;

/// <summary>
/// <c>netpol report</c>: one self-contained HTML page (interactive graph, matrix, lint, coverage, cluster policy tiers)
/// that works offline; with <c>--cni NAME</c>, for the cluster as that network plugin enforces it. Exit 0; 2 bad input
/// (<c>--cni all</c> among it: a page draws one cluster), or a netpol built without the report's JavaScript bundle.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliContext ctx)
    {
        var files = CommonOptions.Files();
        var strict = CommonOptions.Strict();
        var output = new Option<string>("--output", "-o") { Description = "The HTML file to write ('-': standard output).", Required = true, HelpName = "FILE" };
        var aggregate = new Option<int>("--aggregate-above") { Description = "Open on namespaces (or teams) instead of workloads above this many workloads.", DefaultValueFactory = _ => new ReportOptions().AggregateAbove, HelpName = "N" };
        var title = new Option<string>("--title") { Description = "The page's title.", DefaultValueFactory = _ => "netpol report", HelpName = "TEXT" };
        var cni = CommonOptions.Cni(all: false);
        cni.Description = "Draw the cluster as this network plugin enforces policies (default: portable, upstream semantics). See docs/cni-profiles.md.";
        var command = new Command("report", "A self-contained, offline HTML report: interactive graph, connectivity matrix, cluster policy tiers, lint findings, coverage.")
        {
            files, strict, output, aggregate, title, cni,
        };
        var live = ClusterOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var profile = CniSelection.ParseOne(parse.GetValue(cni), "a report draws the cluster as one network plugin enforces it");

            if (!ReportHtmlRenderer.IsAvailable)
            {
                ctx.Error.WriteLine($"netpol: {ReportHtmlRenderer.MissingBundleMessage}");
                return ExitCodes.BadInput;
            }

            var loaded = CommonOptions.Load(ctx, parse.GetValue(files), parse.GetValue(strict), parse, live);
            if (loaded is null)
            {
                return ExitCodes.BadInput;
            }

            var options = new ReportOptions { AggregateAbove = Math.Max(1, parse.GetValue(aggregate)), Title = parse.GetValue(title)!, Cni = profile };
            var report = ReportAnalysis.Run(loaded.Cluster, options);
            var path = parse.GetValue(output)!;
            if (path == "-")
            {
                ReportHtmlRenderer.Write(report, ctx.Out);
                return ExitCodes.Ok;
            }

            using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" })
            {
                ReportHtmlRenderer.Write(report, writer);
            }

            var on = report.Options.Cni.IsPortable ? string.Empty : $" as {report.Options.Cni.Name} enforces it";
            var tiers = report.ClusterPolicies.Count == 0 ? string.Empty : $", {report.ClusterPolicies.Count} cluster policies";
            ctx.Error.WriteLine($"wrote {path}{on}: {report.Graph.Nodes.Count} nodes, {report.Graph.Edges.Count} edges, {report.Lint.Findings.Count} lint findings{tiers}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
