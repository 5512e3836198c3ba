using System.CommandLine;

namespace Netpol.Cli.Commands;

/// <summary><c>netpol validate</c>: load and validate only; exit 0 when valid, 2 otherwise.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext ctx)
    {
        var files = CommonOptions.Files();
        var strict = CommonOptions.Strict();
        var command = new Command("validate", "Validate manifests as the API server would; print every error with its FILE:LINE:COL.")
        {
            files,
            strict,
        };
        var cluster = ClusterOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var result = CommonOptions.Load(ctx, parse.GetValue(files), parse.GetValue(strict), parse, cluster);
            if (result is null)
            {
                return ExitCodes.BadInput;
            }

            var c = result.Cluster;
            ctx.Out.WriteLine($"valid: {c.Policies.Count} NetworkPolicies, {c.Pods.Count} pods and workloads, {c.Namespaces.Count} namespaces, {c.Services.Count} services");
            return ExitCodes.Ok;
        });
        return command;
    }
}
