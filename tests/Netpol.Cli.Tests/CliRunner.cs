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
        var exit = CliApp.Run(args, output, error, input);
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
