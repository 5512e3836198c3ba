using System.CommandLine;
using Netpol.Analysis.Check;
using Netpol.Analysis.Cni;
using Netpol.Rendering.Json;
using Netpol.Rendering.Text;

namespace Netpol.Cli.Commands;

/// <summary>
/// <c>netpol check</c>: can FROM reach TO on PORT, and why. Exit 0 allowed, 1 denied, 2 bad input. With
/// <c>--cni NAME</c> the verdict is that plugin's; with <c>--cni all</c>, allowed means allowed under every profile.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliContext ctx)
    {
        var files = CommonOptions.Files();
        var strict = CommonOptions.Strict();
        var from = new Option<string>("--from") { Description = "Source: NS/POD, NS/deploy/NAME (sts, ds, ...), NS/svc/NAME or an IP.", Required = true, HelpName = "SRC" };
        var to = new Option<string>("--to") { Description = "Destination: NS/POD, NS/deploy/NAME, NS/svc/NAME (checks every backing pod on the targetPort) or an IP.", Required = true, HelpName = "DST" };
        var port = new Option<string?>("--port", "-p") { Description = "Destination port: 80, or 53/UDP. Required unless the Service has one port.", HelpName = "PORT" };
        var protocol = new Option<string?>("--protocol") { Description = "TCP (default), UDP or SCTP.", HelpName = "PROTO" };
        var output = CommonOptions.Output("Output format.", "text", "text", "json");
        var cni = CommonOptions.Cni();
        var command = new Command("check", "Can SRC reach DST on PORT? Prints the verdict and the reasoning per direction.")
        {
            files, strict, from, to, port, protocol, output, cni,
        };
        var cluster = ClusterOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var profile = CniSelection.Parse(parse.GetValue(cni));
            // With a cluster, the endpoints' namespaces are read as well as -n (or the context's namespace).
            var endpointNamespaces = new[] { parse.GetValue(from)!, parse.GetValue(to)! }
                .Where(e => e.Contains('/', StringComparison.Ordinal))
                .Select(e => e[..e.IndexOf('/', StringComparison.Ordinal)]);
            var loaded = CommonOptions.Load(ctx, parse.GetValue(files), parse.GetValue(strict), parse, cluster, endpointNamespaces);
            if (loaded is null)
            {
                return ExitCodes.BadInput;
            }

            int? p = null;
            var proto = parse.GetValue(protocol) is { } pt ? CommonOptions.ParseProtocol(pt) : (Core.Model.Protocol?)null;
            if (parse.GetValue(port) is { } text)
            {
                var parsed = CommonOptions.ParsePort(text);
                p = parsed.Port;
                proto = parsed.Protocol ?? proto;
            }

            var result = CheckAnalysis.Run(loaded.Cluster, parse.GetValue(from)!, parse.GetValue(to)!, p, proto, profile);
            if (parse.GetValue(output) == "json")
            {
                CheckJsonRenderer.Write(result, ctx.Out);
            }
            else
            {
                CheckTextRenderer.Write(result, ctx.Out);
            }

            return result.Allowed ? ExitCodes.Ok : ExitCodes.Negative;
        });
        return command;
    }
}
