using System.Text;

namespace Netpol.Cli.Tests;

/// <summary>Runs the CLI in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int Exit, string Out, string Error) Run(params string[] args) => RunWithInput(null, args);

    public static (int Exit, string Out, string Error) RunWithInput(string? stdin, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        Func<Stream>? input = stdin is null ? null : () => new MemoryStream(Encoding.UTF8.GetBytes(stdin));
        // Hermetic: the machine's kubeconfig (KUBECONFIG, ~/.kube/config) and a pod's service account are invisible, so a
        // command without -f fails the same way everywhere instead of reading whatever cluster the machine can reach.
        var ctx = new CliContext(output, error, input)
        {
            Environment = name => name is "KUBECONFIG" or "HOME" or "KUBERNETES_SERVICE_HOST" ? null : Environment.GetEnvironmentVariable(name),
            IsInCluster = () => false,
        };
        var exit = CliApp.Run(args, ctx);
        return (exit, output.ToString(), error.ToString());
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "netpol.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (netpol.slnx)");
    }
}
