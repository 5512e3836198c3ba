using System.CommandLine;
using Netpol.Analysis.Naming;
using Netpol.Core;
using Netpol.Lab.Compile;

namespace Netpol.Cli.Commands;

/// <summary>
/// <c>netpol compile</c>: the loaded policies as an nftables ruleset a node agent would load (see
/// <see cref="NftablesCompiler"/>). Deterministic; <c>nft -c -f</c> accepts it.
/// </summary>
internal static class CompileCommand
{
    public static Command Create(CliContext ctx)
    {
        var files = CommonOptions.Files();
        var strict = CommonOptions.Strict();
        var target = new Option<string>("--target") { Description = "What to compile to.", DefaultValueFactory = _ => "nftables", HelpName = "nftables" };
        target.AcceptOnlyFromAmong("nftables");
        var pod = new Option<string?>("--pod") { Description = "Only the chains of this pod (NS/NAME, e.g. shop/deploy/web) and what they use.", HelpName = "NS/NAME" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the ruleset to FILE instead of standard output.", HelpName = "FILE" };
        var command = new Command("compile", "Compile the policies to nftables rules (per-pod chains, named sets, comments naming each policy rule).")
        {
            files, strict, target, pod, output,
        };
        var live = ClusterOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var loaded = CommonOptions.Load(ctx, parse.GetValue(files), parse.GetValue(strict), parse, live);
            if (loaded is null)
            {
                return ExitCodes.BadInput;
            }

            var cluster = loaded.Cluster;
            var only = parse.GetValue(pod) is { } name ? FindPod(cluster, name) : null;
            var ruleset = NftablesCompiler.Compile(cluster, new AddressPlan(cluster), only);
            foreach (var peer in ruleset.Uncompiled)
            {
                var at = peer.Policy.Locations.TryGetValue(peer.FieldPath, out var location) ? location : peer.Policy.Source;
                var where = at is null ? string.Empty : $"{at}: ";
                ctx.Error.WriteLine($"netpol: warning: {where}{peer.Policy.FullName}: {peer.FieldPath}: domainNames cannot be compiled (DNS decides at run time): the ruleset treats the peer as matching nothing, as the engine does");
            }

            var path = parse.GetValue(output);
            if (path is null or "-")
            {
                ctx.Out.Write(ruleset.Text);
            }
            else
            {
                try
                {
                    File.WriteAllText(path, ruleset.Text);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new NetpolException($"cannot write {path}: {ex.Message}");
                }

                ctx.Error.WriteLine($"wrote {path}: {ruleset.ChainCount} chains; load it with 'nft -f {path}'");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Netpol.Core.Model.Pod FindPod(Netpol.Core.Model.Cluster cluster, string name)
    {
        var full = name.Contains('/', StringComparison.Ordinal) ? name : $"default/{name}";
        if (cluster.FindPod(full) is { } pod)
        {
            return pod;
        }

        var near = cluster.Pods.Select(p => p.FullName).OrderBy(n => EditDistance.Between(n, full)).ThenBy(n => n, StringComparer.Ordinal).FirstOrDefault();
        throw new NetpolException($"--pod {name}: no such pod in the input{(near is null ? string.Empty : $"; did you mean {near}?")}");
    }
}
