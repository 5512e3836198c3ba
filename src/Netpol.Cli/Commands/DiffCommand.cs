using System.CommandLine;
using Netpol.Analysis.Cni;
using Netpol.Analysis.Diff;
using Netpol.Analysis.Matrix;
using Netpol.Rendering.Json;
using Netpol.Rendering.Markdown;
using Netpol.Rendering.Text;

namespace Netpol.Cli.Commands;

/// <summary><c>netpol diff</c>: which connections a change to the manifests gains and loses, and which policies it changes.</summary>
internal static class DiffCommand
{
    public static Command Create(CliContext ctx)
    {
        var bases = Side("--base", "before the change");
        var heads = Side("--head", "after the change");
        var strict = CommonOptions.Strict();
        var namespaces = new Option<string[]>("--namespace", "-n") { Description = "Only connections whose both ends are in these namespaces, and their policies; repeatable.", HelpName = "NS" };
        var by = new Option<string>("--by") { Description = "Compare workloads (pods of one owner together) or single pods.", DefaultValueFactory = _ => "workload", HelpName = "workload|pod" };
        by.AcceptOnlyFromAmong("workload", "pod");
        var output = CommonOptions.Output("Output format.", "text", "text", "json", "md");
        var cni = CommonOptions.Cni(all: false);
        cni.Description = "Compare connections as this network plugin enforces both sides. See docs/cni-profiles.md.";
        var command = new Command("diff", "What a change does to connectivity: connections gained and lost, policies changed.")
        {
            bases, heads, strict, namespaces, by, output, cni,
        };
        command.SetAction(parse =>
        {
            var profile = CniSelection.ParseOne(parse.GetValue(cni), "a diff compares connections on one network plugin at a time");

            var loaded = CommonOptions.LoadAll(ctx, [parse.GetValue(bases)!, parse.GetValue(heads)!], parse.GetValue(strict));
            if (loaded is null)
            {
                return ExitCodes.BadInput;
            }

            var options = new DiffOptions
            {
                Namespaces = parse.GetValue(namespaces) ?? [],
                By = parse.GetValue(by) == "pod" ? Grouping.Pod : Grouping.Workload,
                Cni = profile,
            };
            var result = DiffAnalysis.Run(loaded[0].Cluster, loaded[1].Cluster, options);
            switch (parse.GetValue(output))
            {
                case "json":
                    DiffJsonRenderer.Write(result, ctx.Out);
                    break;
                case "md":
                    DiffMarkdownRenderer.Write(result, ctx.Out);
                    break;
                default:
                    DiffTextRenderer.Write(result, ctx.Out);
                    break;
            }

            return result.NothingLost ? ExitCodes.Ok : ExitCodes.Negative;
        });
        return command;
    }

    private static Option<string[]> Side(string name, string when) => new(name)
    {
        Description = $"Manifests {when}: a file, a directory, '-', example:NAME, or git:REV:PATH (PATH at a git revision of the current repository). Repeatable.",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.OneOrMore,
        Required = true,
        HelpName = "PATH",
    };
}
