using System.CommandLine;
using System.Reflection;
using Netpol.Cli.Commands;
using Netpol.Core;

namespace Netpol.Cli;

/// <summary>Builds the command tree and runs it: the only place that turns errors into exit codes.</summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<Stream>? stdin = null)
    {
        var ctx = new CliContext(stdout, stderr, stdin);
        var debug = new Option<bool>("--debug") { Description = "Show stack traces of unexpected errors.", Recursive = true };
        var root = new RootCommand("netpol: understand, test and prove Kubernetes NetworkPolicy before it reaches a cluster.")
        {
            debug,
            ValidateCommand.Create(ctx),
            CheckCommand.Create(ctx),
            MatrixCommand.Create(ctx),
            ExamplesCommand.Create(ctx),
            VersionCommand(ctx),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                stderr.WriteLine($"netpol: {e.Message}");
            }

            stderr.WriteLine("see 'netpol --help'");
            return ExitCodes.BadInput;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (NetpolException ex)
        {
            stderr.WriteLine($"netpol: {ex.Message}");
            if (parse.GetValue(debug))
            {
                stderr.WriteLine(ex.ToString());
            }

            return ExitCodes.BadInput;
        }
    }

    private static Command VersionCommand(CliContext ctx)
    {
        var command = new Command("version", "Print netpol's version.");
        command.SetAction(_ =>
        {
            var v = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            ctx.Out.WriteLine($"netpol {v.Split('+')[0]}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
