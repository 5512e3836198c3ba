using System.CommandLine;
using Netpol.Analysis.Audit;
using Netpol.Analysis.Cni;
using Netpol.Manifests.Flows;
using Netpol.Rendering.Json;
using Netpol.Rendering.Text;

namespace Netpol.Cli.Commands;

/// <summary>
/// <c>netpol audit</c>: replays observed traffic (a Hubble JSON export or CSV) against the policies without
/// enforcing them. Exit 0 when no observed flow would be denied, 1 when some would, 2 on bad input.
/// </summary>
internal static class AuditCommand
{
    public static Command Create(CliContext ctx)
    {
        var files = CommonOptions.Files();
        var strict = CommonOptions.Strict();
        var flows = CommonOptions.Flows();
        var output = CommonOptions.Output("Output format.", "text", "text", "json");
        var cni = CommonOptions.Cni(all: false);
        cni.Description = "Replay the flows as this network plugin enforces the policies. See docs/cni-profiles.md.";
        var command = new Command("audit", "Replay observed traffic against the policies: what would they deny, which rules carry traffic, which none?")
        {
            files, strict, flows, output, cni,
        };
        var cluster = ClusterOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var profile = CniSelection.ParseOne(parse.GetValue(cni), "an audit replays the flows on one network plugin at a time");

            var flowFiles = parse.GetValue(flows)!;
            var manifestFiles = parse.GetValue(files) ?? [];
            CommonOptions.StdinOnce(manifestFiles, flowFiles);
            var loaded = CommonOptions.Load(ctx, manifestFiles, parse.GetValue(strict), parse, cluster);
            if (loaded is null)
            {
                return ExitCodes.BadInput;
            }

            var reader = new FlowReader(ctx.Stdin);
            var observed = ObservedFlows.Collect(reader.Read(flowFiles));
            if (CommonOptions.FlowErrors(ctx, reader, "analysed"))
            {
                return ExitCodes.BadInput;
            }

            var result = AuditAnalysis.Run(loaded.Cluster, observed, profile, reader.Skipped);
            if (parse.GetValue(output) == "json")
            {
                AuditJsonRenderer.Write(result, ctx.Out);
            }
            else
            {
                AuditTextRenderer.Write(result, ctx.Out);
            }

            return result.AnyDenied ? ExitCodes.Negative : ExitCodes.Ok;
        });
        return command;
    }
}
