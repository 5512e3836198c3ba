using Netpol.Cli;

namespace Netpol.LiveCluster.Tests;

/// <summary>Runs the CLI in-process with a controlled environment: no KUBECONFIG, no HOME, not in a pod, unless given.</summary>
internal static class CliRunner
{
    public static (int Exit, string Out, string Error) Run(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var ctx = new CliContext(output, error)
        {
            Environment = name => environment is not null && environment.TryGetValue(name, out var v) ? v : null,
            IsInCluster = () => false,
        };
        var exit = CliApp.Run(args, ctx);
        return (exit, output.ToString(), error.ToString());
    }

    public static (int Exit, string Out, string Error) Run(params string[] args) => Run(null, args);
}
